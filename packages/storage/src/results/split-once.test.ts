import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { ResultsContext } from './context.js';
import { ResultsConflictError } from './errors.js';
import {
  createContribution,
  getContribution,
  listContributions,
  setReply,
  splitContribution,
} from './index.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

const letter = {
  channel: 'letter',
  sourceSystem: 'manual',
  sourceRef: 'B-7',
  receivedAt: '2026-03-02',
  authorKind: 'person',
  pseudonym: 'B 7',
  text: 'Bänke.\n\nSchatten.',
} as const;

const PARTS = [{ text: 'Bänke.' }, { text: 'Schatten.' }];

async function partsOf(ctx: ResultsContext, id: string): Promise<string[]> {
  const page = await listContributions(ctx.db, 'p1');
  return page.items
    .filter((item) => item.parentId === id)
    .map((item) => item.sourceRef ?? '')
    .sort();
}

async function conflictOf(promise: Promise<unknown>): Promise<ResultsConflictError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ResultsConflictError);
  return error as ResultsConflictError;
}

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  const withCtx = (body: (ctx: ResultsContext) => Promise<void>): Promise<void> =>
    withSchemaDatabase(setup, async (db) => {
      await seedAccountsAndPlans(db, ['ada'], ['p1']);
      await body({ db });
    });

  describe(`split once: ${name}`, () => {
    it('refuses a second submit of the same form and a new split of a split item', async () => {
      await withCtx(async (ctx) => {
        const item = await createContribution(ctx, 'p1', letter, 'ada');
        const base = { version: item.version, replyVersion: null };
        await splitContribution(ctx, 'p1', item.id, base, PARTS, 'ada');
        expect(
          (await conflictOf(splitContribution(ctx, 'p1', item.id, base, PARTS, 'ada'))).entity,
        ).toBe('contribution');
        const current = await getContribution(ctx.db, 'p1', item.id);
        const fresh = { version: current!.version, replyVersion: null };
        expect(
          (await conflictOf(splitContribution(ctx, 'p1', item.id, fresh, PARTS, 'ada'))).entity,
        ).toBe('split');
        expect(await partsOf(ctx, item.id)).toEqual(['B-7#001', 'B-7#002']);
      });
    });

    it('lets one of two simultaneous splits through and tells the other', async () => {
      await withCtx(async (ctx) => {
        const item = await createContribution(ctx, 'p1', letter, 'ada');
        const base = { version: item.version, replyVersion: null };
        const results = await Promise.allSettled([
          splitContribution(ctx, 'p1', item.id, base, PARTS, 'ada'),
          splitContribution(ctx, 'p1', item.id, base, PARTS, 'ada'),
        ]);
        expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
        const failed = results.find((result) => result.status === 'rejected');
        expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ResultsConflictError);
        expect(await partsOf(ctx, item.id)).toEqual(['B-7#001', 'B-7#002']);
      });
    });

    it('refuses to split an item answered since the form was opened', async () => {
      await withCtx(async (ctx) => {
        const item = await createContribution(ctx, 'p1', letter, 'ada');
        const first = await setReply(ctx, 'p1', item.id, null, { decision: 'noted' }, 'ada');
        const opened = await getContribution(ctx.db, 'p1', item.id);
        const base = { version: opened!.version, replyVersion: first.version };
        // Answered again meanwhile: the item's version stays, the answer's moves on.
        await setReply(ctx, 'p1', item.id, first.version, { reason: 'Geprüft' }, 'ada');
        expect((await getContribution(ctx.db, 'p1', item.id))?.version).toBe(opened!.version);
        expect(
          (await conflictOf(splitContribution(ctx, 'p1', item.id, base, PARTS, 'ada'))).entity,
        ).toBe('reply');
        expect(await partsOf(ctx, item.id)).toEqual([]);
        const parts = await splitContribution(
          ctx,
          'p1',
          item.id,
          { version: opened!.version, replyVersion: first.version + 1 },
          PARTS,
          'ada',
        );
        expect(parts).toHaveLength(2);
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-split-once-'));
await describePostgres('split once on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('split_once')),
);
