import type * as Y from 'yjs';
import type { PlanIssue } from '../errors.js';
import { CURRENT_SCHEMA_VERSION, getSchemaVersion, setSchemaVersion } from '../records/meta.js';
import { transact } from '../store.js';
import { isObject } from '../validate.js';
import { addResults } from './002_add_results.js';
import { plainTextAsYText } from './003_plain_text_as_y_text.js';
import { contributionsToTables } from './004_contributions_to_tables.js';
import { facilitationKnowledge } from './005_facilitation_knowledge.js';
import type { LooseJSON, Migration } from './migration.js';

export type { LooseJSON, Migration } from './migration.js';

/** All migrations in order; append only. Version 1 is the first released schema. */
export const MIGRATIONS: readonly Migration[] = [
  addResults,
  plainTextAsYText,
  contributionsToTables,
  facilitationKnowledge,
];

/** The oldest schema version that can still be migrated. */
export const OLDEST_SCHEMA_VERSION = 1;

/** Outcome of migrating JSON: the upgraded plan, or the issues that prevented it. */
export type MigrateJSONResult =
  { ok: true; plan: LooseJSON; ran: string[] } | { ok: false; issues: PlanIssue[] };

/**
 * Upgrades a JSON plan of any supported version to the current one. The input's `schemaVersion`
 * must be an integer between OLDEST_SCHEMA_VERSION and CURRENT_SCHEMA_VERSION.
 */
export function migrateJSON(input: unknown): MigrateJSONResult {
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'expected an object', segments: [], code: 'not_object' }],
    };
  }
  const version = input['schemaVersion'];
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < OLDEST_SCHEMA_VERSION ||
    version > CURRENT_SCHEMA_VERSION
  ) {
    const message = `expected a schema version from ${OLDEST_SCHEMA_VERSION} to ${CURRENT_SCHEMA_VERSION}, got ${JSON.stringify(version)}`;
    const issue = {
      path: 'schemaVersion',
      message,
      segments: ['schemaVersion'],
      code: 'schema_version',
    } as const;
    return { ok: false, issues: [issue] };
  }
  let plan: LooseJSON = input;
  const ran: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.from < version) continue;
    plan = migration.upJSON(plan);
    ran.push(migration.id);
  }
  return { ok: true, plan, ran };
}

/**
 * Downgrades a current JSON plan to `targetVersion` (for an installation that is behind).
 * Information the older schema cannot hold is dropped.
 */
export function downgradeJSON(plan: LooseJSON, targetVersion: number): LooseJSON {
  let out = plan;
  for (const migration of [...MIGRATIONS].reverse()) {
    if (migration.from >= targetVersion) out = migration.downJSON(out);
  }
  return out;
}

/**
 * Upgrades a plan doc in place to the current schema version and returns the ids of the
 * migrations that ran (empty when already current or not a plan). Safe when two clients migrate
 * the same doc concurrently: every step is idempotent and the version converges.
 */
export function migrateDoc(doc: Y.Doc, origin?: unknown): string[] {
  const version = getSchemaVersion(doc);
  if (version === 0 || version >= CURRENT_SCHEMA_VERSION) return [];
  if (version < OLDEST_SCHEMA_VERSION) {
    throw new Error(`migrateDoc: schema version ${version} is older than supported`);
  }
  return transact(doc, origin, () => {
    const ran: string[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.from < version) continue;
      migration.upDoc(doc);
      setSchemaVersion(doc, migration.from + 1);
      ran.push(migration.id);
    }
    return ran;
  });
}
