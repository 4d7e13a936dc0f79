import {
  downgradeJSON,
  hashPlan,
  planToJSON,
  seedSamplePlan,
  type LooseJSON,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import {
  PLAN_DOCUMENT_SOURCE,
  ResultsInputError,
  listContributions,
  type SqlDocumentStorage,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { listPlansForUser } from '../plan-list.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import { importPlan } from './import-plan.js';
import { readPlanFile } from './plan-file.js';

/** The parts of a plan an import keeps: everything but the status and the two dates. */
function content(plan: PlanJSON): unknown {
  const { status: _s, createdAt: _c, updatedAt: _u, ...meta } = plan.meta;
  return { ...plan, meta };
}

await describeEachDialect('plan import', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, storage, close } = await openTestStorage()));
  afterEach(() => close());

  it('creates a new draft plan with the same content, led by the importer', async () => {
    const ada = await testAccount(db, 'ada');
    const source = new Y.Doc();
    seedSamplePlan(source);
    const exported = planToJSON(source);
    exported.meta.status = 'approved';
    const read = readPlanFile(new TextEncoder().encode(JSON.stringify(exported)));
    if (!read.ok) throw new Error(read.problem.kind);
    const id = await importPlan(db, storage, ada, read.plan, {
      untitled: 'Unbenannt',
      importedTitle: (title) => `${title} (Import vom 6. Dezember 2026)`,
    });

    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storage.loadDocument(`plans/${id}`))!);
    const imported = planToJSON(doc);
    const importedTitle = `${exported.meta.title} (Import vom 6. Dezember 2026)`;
    expect(imported.meta.title).toBe(importedTitle);
    expect(
      content({ ...imported, meta: { ...imported.meta, title: exported.meta.title } }),
    ).toEqual(content(exported));
    expect(imported.meta.status).toBe('draft');
    expect(imported.meta.createdAt > exported.meta.createdAt).toBe(true);
    expect(await hashPlan(doc)).toMatch(/^[0-9a-f]{64}$/);
    expect(await listPlansForUser(db, storage, ada.id)).toEqual([
      expect.objectContaining({
        id,
        title: importedTitle,
        role: 'facilitator',
        status: 'draft',
      }),
    ]);
  });

  it('shortens a long source title, never the part that marks the import', async () => {
    const ada = await testAccount(db, 'ada');
    const source = new Y.Doc();
    seedSamplePlan(source);
    const exported = planToJSON(source);
    exported.meta.title = 'L'.repeat(400);
    const id = await importPlan(db, storage, ada, exported, {
      untitled: 'Unbenannt',
      importedTitle: (title) => `${title} (importiert)`,
    });
    const [entry] = await listPlansForUser(db, storage, ada.id);
    expect(entry?.id).toBe(id);
    expect(entry?.title).toHaveLength(200);
    expect(entry?.title.endsWith('L (importiert)')).toBe(true);
  });
});

await describeEachDialect(
  'plan import of an old file with inline contributions',
  (openTestStorage) => {
    let db: Db;
    let storage: SqlDocumentStorage;
    let close: () => Promise<void>;
    beforeEach(async () => ({ db, storage, close } = await openTestStorage()));
    afterEach(() => close());

    /** A schema-3 file of the sample plan whose first result holds `contributions`. */
    function v3File(contributions: unknown[]): Uint8Array {
      const source = new Y.Doc();
      seedSamplePlan(source);
      const v3 = downgradeJSON(planToJSON(source) as unknown as LooseJSON, 3);
      const results = v3['results'] as LooseJSON[];
      expect(results.length).toBeGreaterThan(0);
      results[0] = { ...results[0], contributions };
      return new TextEncoder().encode(JSON.stringify(v3));
    }

    const words = { untitled: 'Unbenannt', importedTitle: (title: string) => `${title} (alt)` };

    it('stores them in the results tables, as the collab-server moves stored ones', async () => {
      const ada = await testAccount(db, 'ada');
      const read = readPlanFile(
        v3File([
          { id: 'c1', text: 'Mehr Schatten', response: 'adopted', reason: '' },
          { id: 'c2', text: 'Weniger Lärm', response: 'rejected', reason: 'Nicht machbar' },
          { id: 'c3', text: '', response: 'open', reason: '' },
        ]),
      );
      if (!read.ok) throw new Error(read.problem.kind);
      expect(read.contributions).toHaveLength(3);
      const id = await importPlan(db, storage, ada, read.plan, words, read.contributions);
      const page = await listContributions(db, id, {}, { limit: 10 });
      // Same day received: the list's order among them is by id, so compare sorted.
      const stored = page.items.map((item) => [item.text, item.reply?.decision ?? null]).sort();
      expect(stored).toEqual([
        ['Mehr Schatten', 'adopted'],
        ['Weniger Lärm', 'not_adopted'],
      ]);
      expect(page.items.every((item) => item.sourceSystem === PLAN_DOCUMENT_SOURCE)).toBe(true);
    });

    it('refuses the file whole when the tables refuse a contribution, and writes nothing', async () => {
      const ada = await testAccount(db, 'ada');
      const read = readPlanFile(
        v3File([
          { id: 'c1', text: 'Gut', response: 'open', reason: '' },
          { id: 'c2', text: 'x'.repeat(100_001), response: 'open', reason: '' },
        ]),
      );
      if (!read.ok) throw new Error(read.problem.kind);
      await expect(
        importPlan(db, storage, ada, read.plan, words, read.contributions),
      ).rejects.toBeInstanceOf(ResultsInputError);
      expect(await listPlansForUser(db, storage, ada.id)).toEqual([]);
      expect(await db.selectFrom('contributions').select('id').execute()).toEqual([]);
    });
  },
);
