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
  addToCluster,
  answeredOnItsOwn,
  createCluster,
  createContribution,
  getReply,
  listClusters,
  replyToCluster,
  setReply,
} from './index.js';
import { seedAccountsAndPlans } from '../testing/seed-plans.js';

const letter = {
  channel: 'letter',
  sourceSystem: 'manual',
  receivedAt: '2026-03-02',
  authorKind: 'person',
  pseudonym: 'B 1',
  text: 'Mehr Bänke',
} as const;

const CLUSTER_ANSWER = { decision: 'not_adopted', reason: 'Kein Platz' } as const;
const OWN_ANSWER = { decision: 'partly_adopted', reason: 'Zwei Bänke am Ufer' } as const;

async function versionOf(ctx: ResultsContext, clusterId: string): Promise<number> {
  const cluster = (await listClusters(ctx.db, 'p1')).find((entry) => entry.id === clusterId);
  return cluster?.version ?? -1;
}

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  const withCtx = (body: (ctx: ResultsContext) => Promise<void>): Promise<void> =>
    withSchemaDatabase(setup, async (db) => {
      await seedAccountsAndPlans(db, ['ada', 'bo'], ['p1']);
      await body({ db });
    });

  describe(`members answered on their own: ${name}`, () => {
    it('keeps an answer given to one member and makes an open cluster form stale', async () => {
      await withCtx(async (ctx) => {
        const x = await createContribution(ctx, 'p1', letter, 'ada');
        const y = await createContribution(ctx, 'p1', letter, 'ada');
        const cluster = await createCluster(ctx, 'p1', [x.id, y.id], 'Bänke', 'ada');
        // A opens the cluster at cluster.version; B answers X on its own page.
        await setReply(ctx, 'p1', x.id, null, OWN_ANSWER, 'bo');
        await expect(
          replyToCluster(ctx, 'p1', cluster.id, cluster.version, CLUSTER_ANSWER, 'ada'),
        ).rejects.toBeInstanceOf(ResultsConflictError);
        // Saved again at the current version: X keeps B's answer and is reported as kept.
        const result = await replyToCluster(
          ctx,
          'p1',
          cluster.id,
          await versionOf(ctx, cluster.id),
          CLUSTER_ANSWER,
          'ada',
        );
        expect(result).toEqual({ answered: 1, keptOwn: [x.id] });
        const own = await getReply(ctx.db, 'p1', x.id);
        expect(own).toEqual(expect.objectContaining({ ...OWN_ANSWER, updatedBy: 'bo' }));
        expect(answeredOnItsOwn(own)).toBe(true);
        const fanned = await getReply(ctx.db, 'p1', y.id);
        expect(fanned).toEqual(
          expect.objectContaining({ ...CLUSTER_ANSWER, clusterId: cluster.id }),
        );
        expect(answeredOnItsOwn(fanned)).toBe(false);

        // Clearing the decision on the item page hands the member back to the cluster.
        await setReply(ctx, 'p1', x.id, own!.version, { decision: null }, 'bo');
        const again = await replyToCluster(
          ctx,
          'p1',
          cluster.id,
          await versionOf(ctx, cluster.id),
          { decision: 'noted', reason: 'Geprüft' },
          'ada',
        );
        expect(again).toEqual({ answered: 2, keptOwn: [] });
        expect((await getReply(ctx.db, 'p1', x.id))?.decision).toBe('noted');
      });
    });

    it('lets a joining item keep its own decision, also one from its former cluster', async () => {
      await withCtx(async (ctx) => {
        const [a, b, decided, open, moved] = await Promise.all(
          [1, 2, 3, 4, 5].map(() => createContribution(ctx, 'p1', letter, 'ada')),
        );
        const cluster = await createCluster(ctx, 'p1', [a!.id, b!.id], 'Bänke', 'ada');
        await replyToCluster(ctx, 'p1', cluster.id, cluster.version, CLUSTER_ANSWER, 'ada');
        await setReply(ctx, 'p1', decided!.id, null, OWN_ANSWER, 'bo');
        const former = await createCluster(ctx, 'p1', [moved!.id], 'Ufer', 'ada');
        await replyToCluster(ctx, 'p1', former.id, former.version, { decision: 'adopted' }, 'bo');

        await addToCluster(ctx, 'p1', cluster.id, [decided!.id, open!.id, moved!.id], 'ada');
        expect(await getReply(ctx.db, 'p1', decided!.id)).toEqual(
          expect.objectContaining({ ...OWN_ANSWER, clusterId: null }),
        );
        expect(await getReply(ctx.db, 'p1', open!.id)).toEqual(
          expect.objectContaining({ ...CLUSTER_ANSWER, clusterId: cluster.id }),
        );
        // The former cluster's answer became its own, as when an item is taken out.
        expect(await getReply(ctx.db, 'p1', moved!.id)).toEqual(
          expect.objectContaining({ decision: 'adopted', clusterId: null }),
        );

        const result = await replyToCluster(
          ctx,
          'p1',
          cluster.id,
          await versionOf(ctx, cluster.id),
          { decision: 'noted', reason: 'Geprüft' },
          'ada',
        );
        expect(result.answered).toBe(3);
        expect([...result.keptOwn].sort()).toEqual([decided!.id, moved!.id].sort());
        expect((await getReply(ctx.db, 'p1', decided!.id))?.decision).toBe('partly_adopted');
        expect((await getReply(ctx.db, 'p1', moved!.id))?.decision).toBe('adopted');
      });
    });

    it('never loses an answer given at the same moment as the cluster answer', async () => {
      await withCtx(async (ctx) => {
        const x = await createContribution(ctx, 'p1', letter, 'ada');
        const y = await createContribution(ctx, 'p1', letter, 'ada');
        const cluster = await createCluster(ctx, 'p1', [x.id, y.id], 'Bänke', 'ada');
        const [member, whole] = await Promise.allSettled([
          setReply(ctx, 'p1', x.id, null, OWN_ANSWER, 'bo'),
          replyToCluster(ctx, 'p1', cluster.id, cluster.version, CLUSTER_ANSWER, 'ada'),
        ]);
        // Exactly one wins; the other is told (a conflict, not a deadlock or a silent overwrite).
        const outcomes = [member.status, whole.status].sort();
        expect(outcomes).toEqual(['fulfilled', 'rejected']);
        const failed = member.status === 'rejected' ? member : whole;
        expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ResultsConflictError);
        const stored = await getReply(ctx.db, 'p1', x.id);
        expect(stored?.decision).toBe(
          member.status === 'fulfilled' ? OWN_ANSWER.decision : CLUSTER_ANSWER.decision,
        );
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-cluster-own-'));
await describePostgres('members answered on their own on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('cluster_own')),
);
