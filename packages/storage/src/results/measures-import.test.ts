import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { ResultEvent, ResultsContext } from './context.js';
import { ResultsInputError } from './errors.js';
import {
  contributionSummaries,
  createContribution,
  createMeasure,
  importMeasures,
  listMeasures,
} from './index.js';
import type { MeasureImportRow } from './measures-import.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

function row(line: number, patch: Partial<MeasureImportRow> = {}): MeasureImportRow {
  return {
    line,
    ref: null,
    parentRef: null,
    input: { title: { de: `Maßnahme ${line}` } },
    proposalRefs: [],
    ...patch,
  };
}

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  const withCtx = (body: (ctx: ResultsContext, events: ResultEvent[]) => Promise<void>) =>
    withSchemaDatabase(setup, async (db) => {
      await seedAccountsAndPlans(db, ['ada'], ['p1']);
      const events: ResultEvent[] = [];
      await body({ db, emit: (e) => events.push(e) }, events);
    });

  describe(`measure import: ${name}`, () => {
    it('creates, updates by id or external id, sets parents and links proposals', async () => {
      await withCtx(async (ctx, events) => {
        const c = await createContribution(
          ctx,
          'p1',
          {
            channel: 'platform',
            sourceSystem: 'decidim',
            sourceRef: '101',
            sourceUrl: 'https://decidim.example/processes/x/f/3/proposals/101',
            receivedAt: '2026-03-02',
            authorKind: 'person',
            text: 'Bänke',
          },
          'ada',
        );
        const old = await createMeasure(
          ctx,
          'p1',
          { title: { de: 'Alt' }, externalId: 'E-7' },
          'ada',
        );
        const result = await importMeasures(
          ctx,
          'p1',
          [
            row(2, {
              ref: 'child',
              parentRef: 'top',
              proposalRefs: ['https://other.example/proposals/101', 'nope'],
            }),
            row(3, {
              ref: 'top',
              input: { title: { de: 'Oben' }, progress: 50, status: 'in_progress' },
            }),
            row(4, { input: { title: { de: 'Neu für alt' }, externalId: 'E-7' } }),
          ],
          'ada',
        );
        expect(result).toEqual({ created: 2, updated: 1, linked: 1 });
        const measures = await listMeasures(ctx.db, 'p1');
        const top = measures.find((m) => m.title.de === 'Oben');
        const child = measures.find((m) => m.title.de === 'Maßnahme 2');
        expect(top).toMatchObject({ progress: 50, status: 'in_progress', parentId: null });
        expect(child).toMatchObject({ parentId: top?.id, contributionIds: [c.id] });
        expect(measures.find((m) => m.id === old.id)?.title).toEqual({ de: 'Neu für alt' });
        expect(events.at(-1)).toMatchObject({ kind: 'measure', reason: 'imported' });
        // The page names linked contributions without personal fields.
        expect(await contributionSummaries(ctx.db, 'p1', [c.id, 'unknown', c.id])).toEqual([
          {
            id: c.id,
            title: '',
            excerpt: 'Bänke',
            pseudonym: c.pseudonym,
            sourceRef: '101',
            sourceUrl: 'https://decidim.example/processes/x/f/3/proposals/101',
          },
        ]);
      });
    });

    it('writes nothing when one row is bad, naming its line', async () => {
      await withCtx(async (ctx) => {
        const error = await importMeasures(
          ctx,
          'p1',
          [
            row(2),
            row(3, { input: { title: { de: 'x' }, progress: 140 } }),
            row(4, { parentRef: 'missing' }),
          ],
          'ada',
        ).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResultsInputError);
        expect((error as ResultsInputError).issues.map((i) => [i.index, i.path])).toEqual([
          [3, 'progress'],
          [4, 'parentId'],
        ]);
        expect(await listMeasures(ctx.db, 'p1')).toEqual([]);
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-results-mi-'));
await describePostgres('measure import on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('results_mi')),
);
