import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema/database.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsConflictError, ResultsInputError, ResultsNotFoundError } from './errors.js';
import { parseReply, type ReplyInput } from './replies.js';
import { writeReply } from './reply-write.js';
import { issuesOf } from './rows.js';

/** A group of contributions saying the same, answered once. */
export interface Cluster {
  id: string;
  label: string;
  /** Pass it back to `replyToCluster`; a stale one gets a conflict. */
  version: number;
  memberIds: string[];
}

const memberIdsSchema = z.array(z.string().min(1).max(100)).min(1).max(10_000);

/** Puts `memberIds` (contributions of the plan) in a new cluster; returns it. */
export async function createCluster(
  ctx: ResultsContext,
  planId: string,
  memberIds: readonly string[],
  label: string,
  actor: ActorId,
): Promise<Cluster> {
  const ids = parseIds(memberIds);
  const cleanLabel = z.string().trim().max(200).parse(label);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('result_clusters')
      .values({ id, plan_id: planId, label: cleanLabel, created_by: actor, created_at: nowOf(ctx) })
      .execute();
    await join(trx, planId, id, ids, actor, nowOf(ctx));
  });
  emit(ctx, { planId, kind: 'cluster', reason: 'created', ids: [id, ...ids], actorId: actor });
  return { id, label: cleanLabel, version: 1, memberIds: [...ids].sort() };
}

/**
 * Adds contributions to a cluster. If the cluster was answered, those without a decision of their
 * own get its answer (with a history entry each); those with one keep it, listed as answered on
 * their own ({@link answeredOnItsOwn}).
 */
export async function addToCluster(
  ctx: ResultsContext,
  planId: string,
  clusterId: string,
  memberIds: readonly string[],
  actor: ActorId,
): Promise<void> {
  const ids = parseIds(memberIds);
  await ctx.db.transaction().execute(async (trx) => {
    await clusterOf(trx, planId, clusterId);
    await join(trx, planId, clusterId, ids, actor, nowOf(ctx));
  });
  emit(ctx, {
    planId,
    kind: 'cluster',
    reason: 'updated',
    ids: [clusterId, ...ids],
    actorId: actor,
  });
}

/** Takes contributions out of their cluster (their answer stays, now their own). */
export async function removeFromCluster(
  ctx: ResultsContext,
  planId: string,
  memberIds: readonly string[],
  actor: ActorId,
): Promise<void> {
  const ids = parseIds(memberIds);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('contributions')
      .set((eb) => ({
        cluster_id: null,
        row_version: eb('row_version', '+', 1),
        updated_by: actor,
        updated_at: nowOf(ctx),
      }))
      .where('plan_id', '=', planId)
      .where('id', 'in', ids)
      .execute();
    await trx
      .updateTable('replies')
      .set({ cluster_id: null })
      .where('plan_id', '=', planId)
      .where('contribution_id', 'in', ids)
      .execute();
  });
  emit(ctx, { planId, kind: 'cluster', reason: 'updated', ids, actorId: actor });
}

/**
 * Whether a member keeps its own answer when its cluster is answered: it has a decision that was
 * not given through the cluster (answered on its item page, or brought along when it joined). The
 * cluster's answer skips such members; clearing the decision on the item page hands it back.
 */
export function answeredOnItsOwn(
  reply: { decision: string | null; clusterId: string | null } | null | undefined,
): boolean {
  return reply != null && reply.decision !== null && reply.clusterId === null;
}

/** What {@link replyToCluster} did. */
export interface ClusterReplyResult {
  /** Members that now carry the cluster's answer. */
  answered: number;
  /** Members answered on their own ({@link answeredOnItsOwn}), left as they were. */
  keptOwn: string[];
}

/**
 * Answers a cluster once: the answer is written to every member (each with its history entry) in
 * one transaction, except members answered on their own ({@link answeredOnItsOwn}), which keep
 * theirs. `expectedVersion` is the cluster version the writer read; a stale one (someone answered
 * the cluster or one of its members meanwhile) gets {@link ResultsConflictError}.
 */
export async function replyToCluster(
  ctx: ResultsContext,
  planId: string,
  clusterId: string,
  expectedVersion: number,
  input: ReplyInput,
  actor: ActorId,
): Promise<ClusterReplyResult> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    // First the cluster row: it is also what `setReply` locks first for a member, so a member
    // answered at the same moment either raised the version already or waits for this commit.
    const bumped = await trx
      .updateTable('result_clusters')
      .set((eb) => ({ row_version: eb('row_version', '+', 1) }))
      .where('plan_id', '=', planId)
      .where('id', '=', clusterId)
      .where('row_version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) {
      const cluster = await clusterOf(trx, planId, clusterId);
      throw new ResultsConflictError('cluster', clusterId, cluster.row_version);
    }
    const members = await memberIdsOf(trx, clusterId);
    const keptOwn = await ownAnsweredOf(trx, members);
    const fields = await parseReply(trx, planId, members, input);
    const now = nowOf(ctx);
    const answered = members.filter((id) => !keptOwn.includes(id));
    for (const id of answered) {
      await writeReply(trx, planId, id, fields, actor, now, { clusterId });
    }
    return { answered, keptOwn };
  });
  emit(ctx, { planId, kind: 'reply', reason: 'updated', ids: result.answered, actorId: actor });
  return { answered: result.answered.length, keptOwn: result.keptOwn };
}

/** Of `ids`, those answered on their own (the SQL form of {@link answeredOnItsOwn}). */
async function ownAnsweredOf(trx: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('replies')
    .select('contribution_id')
    .where('contribution_id', 'in', ids)
    .where('decision', 'is not', null)
    .where('cluster_id', 'is', null)
    .execute();
  return rows.map((row) => row.contribution_id);
}

/** The plan's clusters with their members. */
export async function listClusters(db: Executor, planId: string): Promise<Cluster[]> {
  const clusters = await db
    .selectFrom('result_clusters')
    .select(['id', 'label', 'row_version'])
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (clusters.length === 0) return [];
  // By cluster id, so SQLite uses the cluster index instead of scanning the plan's items (25 ms
  // over 10,000 items without a single cluster, on every inbox load).
  const members = await db
    .selectFrom('contributions')
    .select(['id', 'cluster_id'])
    .where('plan_id', '=', planId)
    .where('cluster_id', 'in', (eb) =>
      eb.selectFrom('result_clusters').select('id').where('plan_id', '=', planId),
    )
    .orderBy('id')
    .execute();
  const byCluster = new Map<string, string[]>();
  for (const member of members) {
    const list = byCluster.get(member.cluster_id as string) ?? [];
    list.push(member.id);
    byCluster.set(member.cluster_id as string, list);
  }
  return clusters.map((cluster) => ({
    id: cluster.id,
    label: cluster.label,
    version: cluster.row_version,
    memberIds: byCluster.get(cluster.id) ?? [],
  }));
}

/** Deletes a cluster; its members stay with their answers. */
export async function deleteCluster(
  ctx: ResultsContext,
  planId: string,
  clusterId: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('result_clusters')
    .where('plan_id', '=', planId)
    .where('id', '=', clusterId)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted)
    emit(ctx, { planId, kind: 'cluster', reason: 'deleted', ids: [clusterId], actorId: actor });
  return deleted;
}

function parseIds(ids: readonly string[]): string[] {
  const parsed = memberIdsSchema.safeParse(ids);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  return [...new Set(parsed.data)];
}

async function clusterOf(trx: Executor, planId: string, clusterId: string) {
  const cluster = await trx
    .selectFrom('result_clusters')
    .select(['id', 'row_version'])
    .where('plan_id', '=', planId)
    .where('id', '=', clusterId)
    .executeTakeFirst();
  if (!cluster) throw new ResultsNotFoundError('cluster', clusterId);
  return cluster;
}

async function memberIdsOf(trx: Executor, clusterId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('contributions')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Moves `ids` into the cluster. An answer they got from another cluster becomes their own (as when
 * taken out). Those without a decision of their own get the cluster's answer if it has one; those
 * with one keep it (see {@link answeredOnItsOwn}).
 */
async function join(
  trx: Transaction<Database>,
  planId: string,
  clusterId: string,
  ids: readonly string[],
  actor: ActorId,
  now: string,
): Promise<void> {
  const found = await trx
    .selectFrom('contributions')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length) {
    const missing = ids.find((id) => !found.some((row) => row.id === id)) as string;
    throw new ResultsNotFoundError('contribution', missing);
  }
  await trx
    .updateTable('contributions')
    .set((eb) => ({
      cluster_id: clusterId,
      row_version: eb('row_version', '+', 1),
      updated_by: actor,
      updated_at: now,
    }))
    .where('plan_id', '=', planId)
    .where('id', 'in', ids)
    .execute();
  await trx
    .updateTable('replies')
    .set({ cluster_id: null })
    .where('plan_id', '=', planId)
    .where('contribution_id', 'in', ids)
    .where('cluster_id', '!=', clusterId)
    .execute();
  const answer = await trx
    .selectFrom('replies')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!answer) return;
  const keptOwn = await ownAnsweredOf(trx, ids);
  const carrying = await trx
    .selectFrom('replies')
    .select('contribution_id')
    .where('contribution_id', 'in', ids)
    .where('cluster_id', '=', clusterId)
    .execute();
  const skip = new Set([...keptOwn, ...carrying.map((row) => row.contribution_id)]);
  for (const id of ids) {
    if (skip.has(id)) continue;
    await writeReply(
      trx,
      planId,
      id,
      {
        decision: answer.decision,
        reason: answer.reason,
        response: answer.response,
        linkKind: answer.link_kind,
        linkId: answer.link_id,
        measureId: answer.measure_id,
        duplicateOfId: answer.duplicate_of_id,
      },
      actor,
      now,
      { clusterId },
    );
  }
}
