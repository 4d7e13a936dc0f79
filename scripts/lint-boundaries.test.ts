/**
 * The boundaries of ARCHITECTURE.md ("Boundaries") hold because `pnpm lint` fails on a crossing:
 * each fixture below is linted with the repository's own ESLint configuration as if it were the
 * named file, crossings must be reported by the boundary rules, allowed imports must not be.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** Messages of the boundary rules for `code` placed at `filePath` (relative to the root). */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages
    .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId))
    .map((message) => message.message);
}

const crossings: [file: string, code: string, expected: RegExp][] = [
  [
    'packages/plan-model/src/x.ts',
    "import { openStorage } from '@prozesswerkstatt/storage';",
    /plan-model imports no storage/,
  ],
  [
    'packages/plan-model/src/x.ts',
    "import { startCollabServer } from '@prozesswerkstatt/collab-server';",
    /plan-model imports no/,
  ],
  [
    'packages/plan-model/src/x.test.ts',
    "import { runStorageTests } from '@prozesswerkstatt/storage/testing';",
    /plan-model imports no/,
  ],
  [
    'packages/plan-model/src/x.ts',
    "import { planToMarkdown } from '@prozesswerkstatt/plan-export';",
    /plan-model imports no/,
  ],
  [
    'packages/plan-model/src/x.ts',
    "export { x } from '@prozesswerkstatt/app/server-testing';",
    /plan-model imports no/,
  ],
  [
    'packages/storage/src/x.ts',
    "import { CloseCode } from '@prozesswerkstatt/collab-server';",
    /storage imports no collab-server, app/,
  ],
  [
    'packages/storage/src/sql/x.ts',
    "import type { Db } from '@prozesswerkstatt/app/server-testing';",
    /storage imports no/,
  ],
  [
    'packages/plan-export/src/x.ts',
    "import type { DocumentStorage } from '@prozesswerkstatt/storage';",
    /plan-export imports no storage/,
  ],
  [
    'packages/plan-export/src/x.ts',
    "import { startCollabServer } from '@prozesswerkstatt/collab-server';",
    /plan-export imports no/,
  ],
  [
    'packages/contract/src/x.ts',
    "import type { DocumentStorage } from '@prozesswerkstatt/storage';",
    /contract imports no plan-model, storage/,
  ],
  [
    'packages/contract/src/token/x.ts',
    "import { CloseCode } from '@prozesswerkstatt/collab-server';",
    /contract imports no/,
  ],
  [
    'packages/theme-suggestions/src/x.ts',
    "import { planToJSON } from '@prozesswerkstatt/plan-model';",
    /theme-suggestions imports no plan-model/,
  ],
  [
    'packages/theme-suggestions/src/x.ts',
    "import { openStorage } from '@prozesswerkstatt/storage';",
    /theme-suggestions imports no/,
  ],
  [
    'packages/guideline-check/src/x.ts',
    "import { planOutline } from '@prozesswerkstatt/plan-export/outline';",
    /guideline-check imports no storage, plan-export/,
  ],
  [
    'packages/method-library/src/x.ts',
    "import { listMethods } from '@prozesswerkstatt/storage';",
    /method-library imports no/,
  ],
  [
    'tests/server/x.test.ts',
    "import { suggestThemes } from '../../packages/theme-suggestions/src/index.js';",
    /Relative paths into another package/,
  ],
  [
    'app/src/lib/server/x.ts',
    "import { roles } from '../../../../packages/contract/src/roles.js';",
    /Relative paths into another package/,
  ],
  [
    'collab-server/src/x.ts',
    "import { planDocName } from '@prozesswerkstatt/app/server-testing';",
    /collab-server imports no app/,
  ],
  [
    'app/src/lib/server/x.ts',
    "import { CloseCode } from '@prozesswerkstatt/collab-server';",
    /app imports no collab-server/,
  ],
  [
    'app/src/lib/server/x.ts',
    "export const q = (db) => db.selectFrom('document_updates').selectAll().execute();",
    /document log is storage's/,
  ],
  [
    'app/src/lib/server/x.ts',
    "export const c = (eb) => eb.fn.max('document_updates.created_at');",
    /document log is storage's/,
  ],
  [
    'app/src/lib/server/x.ts',
    "import { sql } from 'kysely';\nexport const q = sql`select max(created_at) from document_updates`;",
    /document log is storage's/,
  ],
  [
    'app/src/routes/plans/+page.server.ts',
    "export const load = async ({ locals }) => {\n  await locals.db.updateTable('plans').set({ title: 'x' }).execute();\n  return {};\n};",
    /A load answers a GET and must not write/,
  ],
  [
    'app/src/routes/+layout.server.ts',
    "export async function load({ locals }) {\n  await locals.db.insertInto('plans').values({}).execute();\n  return {};\n}",
    /must not write/,
  ],
  [
    'tests/server/x.test.ts',
    "import { restoreVersion } from '../../app/src/lib/server/versions/restore.js';",
    /Relative paths into another package/,
  ],
  [
    'tests/load/micro/x.mjs',
    "import { applyInCausalOrder } from '../../../packages/storage/dist/apply-in-causal-order.js';",
    /Relative paths into another package/,
  ],
  [
    'collab-server/src/x.test.ts',
    "import { planToJSON } from '../../packages/plan-model/src/index.js';",
    /Relative paths into another package/,
  ],
  [
    'packages/storage/src/x.ts',
    "import { planToJSON } from '../../plan-model/src/index.js';",
    /Relative paths into another package/,
  ],
  [
    'tests/server/x.test.ts',
    "import { mergeLog } from '@prozesswerkstatt/storage/src/merge-log.js';",
    /through its entry point/,
  ],
  [
    'app/src/lib/server/x.ts',
    "import { planToJSON } from '@prozesswerkstatt/plan-model/dist/index.js';",
    /through its entry point/,
  ],
];

const allowed: [file: string, code: string][] = [
  [
    'packages/plan-model/src/x.ts',
    "import * as Y from 'yjs';\nimport { a } from './records/a.js';",
  ],
  ['packages/storage/src/sql/x.ts', "import { b } from '../schema/database.js';"],
  ['packages/storage/src/x.ts', "import type { Role } from '@prozesswerkstatt/contract';"],
  ['packages/contract/src/x.ts', "import { z } from 'zod';\nimport { a } from './roles.js';"],
  ['packages/plan-export/src/x.ts', "import { planToJSON } from '@prozesswerkstatt/plan-model';"],
  [
    'packages/method-library/src/x.ts',
    "import { PARTICIPATION_LEVELS } from '@prozesswerkstatt/plan-model';",
  ],
  [
    'packages/storage/src/x.ts',
    "import { methodContentSchema } from '@prozesswerkstatt/method-library';",
  ],
  [
    'tests/server/x.test.ts',
    "import { suggestThemes } from '@prozesswerkstatt/theme-suggestions';",
  ],
  [
    'collab-server/src/x.ts',
    "import { isPlan } from '@prozesswerkstatt/plan-model';\nimport { openStorage } from '@prozesswerkstatt/storage';",
  ],
  [
    'app/src/lib/server/x.ts',
    "import { planToMarkdown } from '@prozesswerkstatt/plan-export';\nimport { richTextToBlocks } from '@prozesswerkstatt/plan-export/rich-blocks';\nexport const n = (storage, names) => storage.lastUpdatedAt(names);\nexport const p = 'document_missing';",
  ],
  [
    'app/src/routes/plans/+page.server.ts',
    "export const load = async ({ locals }) => locals.db.selectFrom('plans').selectAll().execute();\nexport const actions = { default: async ({ locals }) => { await locals.db.updateTable('plans').set({}).execute(); } };",
  ],
  [
    'tests/server/x.test.ts',
    "import { restoreVersion } from '@prozesswerkstatt/app/server-testing';\nimport { runStorageTests } from '@prozesswerkstatt/storage/testing';\nimport { connectClient } from '../helpers/client.js';",
  ],
  [
    'app/src/routes/plans/[id]/x.ts',
    "import { checkMember } from '../../../lib/server/membership.js';",
  ],
];

describe('pnpm lint keeps the package boundaries', () => {
  // The first lint loads the configuration and its plugins: seconds on a busy machine.
  beforeAll(() => boundaryErrors('scripts/warm-up.ts', 'export {};'), 120_000);

  it.each(crossings)('reports a crossing in %s: %s', async (file, code, expected) => {
    const errors = await boundaryErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each(allowed)('lets %s import %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
