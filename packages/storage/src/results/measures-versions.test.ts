import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { ResultsContext } from './context.js';
import { ResultsConflictError, ResultsInputError } from './errors.js';
import {
  addMilestone,
  createContribution,
  createMeasure,
  linkMeasureContributions,
  listMeasures,
  listVersionDecisions,
  recordDecisions,
  setReply,
  updateMeasure,
} from './index.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

const letter = {
  channel: 'letter',
  sourceSystem: 'manual',
  receivedAt: '2026-03-02',
  authorKind: 'person',
  pseudonym: 'B 1',
  authorName: 'Erika Mustermann',
  text: 'Mehr Bänke',
} as const;

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  const withCtx = (body: (ctx: ResultsContext) => Promise<void>): Promise<void> =>
    withSchemaDatabase(setup, async (db) => {
      await seedAccountsAndPlans(db, ['ada'], ['p1']);
      await body({ db });
    });

  describe(`measures: ${name}`, () => {
    it('keeps status, progress, milestones and the contributions behind a measure', async () => {
      await withCtx(async (ctx) => {
        const c = await createContribution(ctx, 'p1', letter, 'ada');
        const parent = await createMeasure(ctx, 'p1', { title: { de: 'Ufer' } }, 'ada');
        const measure = await createMeasure(
          ctx,
          'p1',
          {
            title: { de: 'Bänke aufstellen', en: 'Put up benches' },
            parentId: parent.id,
            externalId: 'X-1',
            startDate: '2026-04-01',
            endDate: '2026-06-30',
          },
          'ada',
        );
        await addMilestone(
          ctx,
          'p1',
          measure.id,
          { title: 'Bestellt', dueDate: '2026-04-15' },
          'ada',
        );
        await linkMeasureContributions(ctx, 'p1', measure.id, [c.id, c.id], 'ada');
        const updated = await updateMeasure(
          ctx,
          'p1',
          measure.id,
          measure.version,
          { status: 'in_progress', progress: 40 },
          'ada',
        );
        expect(updated).toEqual(
          expect.objectContaining({
            status: 'in_progress',
            progress: 40,
            parentId: parent.id,
            title: { de: 'Bänke aufstellen', en: 'Put up benches' },
            contributionIds: [c.id],
            milestones: [expect.objectContaining({ title: 'Bestellt', dueDate: '2026-04-15' })],
          }),
        );
        await expect(
          updateMeasure(ctx, 'p1', measure.id, measure.version, { progress: 50 }, 'ada'),
        ).rejects.toBeInstanceOf(ResultsConflictError);
        await expect(
          updateMeasure(ctx, 'p1', measure.id, updated.version, { progress: 101 }, 'ada'),
        ).rejects.toBeInstanceOf(ResultsInputError);
        await expect(
          updateMeasure(ctx, 'p1', parent.id, parent.version, { parentId: measure.id }, 'ada'),
        ).rejects.toBeInstanceOf(ResultsInputError);
        await expect(
          updateMeasure(ctx, 'p1', measure.id, updated.version, { endDate: '2026-01-01' }, 'ada'),
        ).rejects.toBeInstanceOf(ResultsInputError);
        expect((await listMeasures(ctx.db, 'p1')).map((m) => m.id).sort()).toEqual(
          [parent.id, measure.id].sort(),
        );
      });
    });
  });

  describe(`version decisions: ${name}`, () => {
    it('snapshots the answers without personal data, unchanged by later answers', async () => {
      await withCtx(async (ctx) => {
        const c = await createContribution(ctx, 'p1', letter, 'ada');
        await createContribution(ctx, 'p1', letter, 'ada');
        const reply = await setReply(
          ctx,
          'p1',
          c.id,
          null,
          { decision: 'noted', reason: 'Gut' },
          'ada',
        );
        await ctx.db
          .insertInto('versions')
          .values({
            id: 'v1',
            doc_name: 'plans/p1',
            kind: 'named',
            label: 'V1',
            note: null,
            state: new Uint8Array([0]),
            canonical_json: '{}',
            sha256: 'x',
            author_id: 'ada',
            status: 'draft',
          })
          .execute();
        expect(await recordDecisions(ctx.db, 'v1', 'plans/p1')).toBe(1);
        await setReply(ctx, 'p1', c.id, reply.version, { decision: 'adopted' }, 'ada');
        const snapshots = await listVersionDecisions(ctx.db, 'v1');
        expect(snapshots).toEqual([
          {
            contributionId: c.id,
            snapshot: expect.objectContaining({
              decision: 'noted',
              reason: 'Gut',
              pseudonym: 'B 1',
            }),
          },
        ]);
        expect(JSON.stringify(snapshots)).not.toContain('Erika');
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-results-m-'));
await describePostgres('measures and version decisions on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('results_mv')),
);
