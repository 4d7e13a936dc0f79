import { randomUUID } from 'node:crypto';
import type { ReleaseStatus } from '../schema/results-values.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { releaseBlockers } from './coverage.js';
import { publicWordsOf } from './public-view.js';
import {
  FourEyesError,
  ReleaseBlockedError,
  ReleaseStateError,
  ResultsNotFoundError,
} from './errors.js';

/** A request to release a plan's answers and what became of it. */
export interface Release {
  id: string;
  status: ReleaseStatus;
  requestedBy: string;
  requestedAt: string;
  signedOffBy: string | null;
  releasedAt: string | null;
  itemCount: number;
}

async function newestHistoryId(db: Executor, planId: string): Promise<number> {
  const row = await db
    .selectFrom('reply_history')
    .select((eb) => eb.fn.max<number | null>('id').as('mark'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.mark ?? 0);
}

/**
 * Asks for the plan's answers to be released. Refused with {@link ReleaseBlockedError} while any
 * item lacks a decision or a required reason, and with {@link ReleaseStateError} while another
 * request is open. The request remembers the answers' state: a change after it makes it stale.
 */
export async function requestRelease(
  ctx: ResultsContext,
  planId: string,
  actor: ActorId,
): Promise<Release> {
  const release = await ctx.db.transaction().execute(async (trx) => {
    const blockers = await releaseBlockers(trx, planId);
    if (blockers.withoutDecision > 0 || blockers.withoutReason > 0) {
      throw new ReleaseBlockedError(blockers.withoutDecision, blockers.withoutReason);
    }
    const open = await trx
      .selectFrom('result_releases')
      .select('id')
      .where('plan_id', '=', planId)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (open) throw new ReleaseStateError('already_requested');
    const row = {
      id: randomUUID(),
      plan_id: planId,
      status: 'requested' as const,
      requested_by: actor,
      requested_at: nowOf(ctx),
      history_mark: await newestHistoryId(trx, planId),
    };
    await trx.insertInto('result_releases').values(row).execute();
    return row;
  });
  emit(ctx, { planId, kind: 'release', reason: 'created', ids: [release.id], actorId: actor });
  return {
    id: release.id,
    status: 'requested',
    requestedBy: actor,
    requestedAt: release.requested_at,
    signedOffBy: null,
    releasedAt: null,
    itemCount: 0,
  };
}

/**
 * The second signature: another person than the requester releases the answers. The rule is
 * checked again, and answers changed since the request refuse it (the signer signs what was
 * requested). Copies every decided answer into `released_replies` (what the public page shows),
 * with the item's title and text and the answer in their public form (`publicWordsOf`), and marks
 * those contributions published, in one transaction.
 */
export async function signOffRelease(
  ctx: ResultsContext,
  planId: string,
  releaseId: string,
  actor: ActorId,
): Promise<Release> {
  const now = nowOf(ctx);
  const released = await ctx.db.transaction().execute(async (trx) => {
    const release = await trx
      .selectFrom('result_releases')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('id', '=', releaseId)
      .executeTakeFirst();
    if (!release) throw new ResultsNotFoundError('release', releaseId);
    if (release.status !== 'requested') throw new ReleaseStateError('not_requested');
    if (release.requested_by === actor) throw new FourEyesError();
    if ((await newestHistoryId(trx, planId)) !== release.history_mark) {
      throw new ReleaseStateError('changed_since_request');
    }
    const blockers = await releaseBlockers(trx, planId);
    if (blockers.withoutDecision > 0 || blockers.withoutReason > 0) {
      throw new ReleaseBlockedError(blockers.withoutDecision, blockers.withoutReason);
    }
    // Claims the request: a second signer at the same moment updates no row.
    const claimed = await trx
      .updateTable('result_releases')
      .set({ status: 'released', signed_off_by: actor, released_at: now })
      .where('id', '=', releaseId)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new ReleaseStateError('not_requested');
    const replies = await trx
      .selectFrom('replies as r')
      .innerJoin('contributions as c', 'c.id', 'r.contribution_id')
      .select([
        'r.contribution_id',
        'r.decision',
        'r.reason',
        'r.response',
        'r.duplicate_of_id',
        'r.measure_id',
        'r.link_kind',
        'r.link_id',
        'c.title',
        'c.text',
        // Read only to take them out of the words; never stored with the release.
        'c.author_name',
        'c.author_contact',
        'c.cosigners',
      ])
      .where('r.plan_id', '=', planId)
      .where('r.decision', 'is not', null)
      .execute();
    for (let start = 0; start < replies.length; start += 500) {
      await trx
        .insertInto('released_replies')
        .values(
          replies.slice(start, start + 500).map((reply) => {
            const words = publicWordsOf(reply);
            return {
              contribution_id: reply.contribution_id,
              decision: reply.decision as NonNullable<typeof reply.decision>,
              reason: reply.reason,
              response: reply.response,
              duplicate_of_id: reply.duplicate_of_id,
              measure_id: reply.measure_id,
              release_id: releaseId,
              plan_id: planId,
              released_at: now,
              public_title: words.title,
              public_text: words.text,
              public_reason: words.reason,
              public_response: words.response,
              link_kind: reply.link_kind,
              link_id: reply.link_id,
            };
          }),
        )
        .execute();
    }
    await trx
      .updateTable('contributions')
      .set((eb) => ({ state: 'published', row_version: eb('row_version', '+', 1) }))
      .where('plan_id', '=', planId)
      .where('state', '!=', 'published')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('replies')
            .select('replies.contribution_id')
            .whereRef('replies.contribution_id', '=', 'contributions.id')
            .where('replies.decision', 'is not', null),
        ),
      )
      .execute();
    await trx
      .updateTable('result_releases')
      .set({ item_count: replies.length })
      .where('id', '=', releaseId)
      .execute();
    return { ...release, item_count: replies.length };
  });
  emit(ctx, { planId, kind: 'release', reason: 'released', ids: [releaseId], actorId: actor });
  return {
    id: releaseId,
    status: 'released',
    requestedBy: released.requested_by,
    requestedAt: released.requested_at,
    signedOffBy: actor,
    releasedAt: now,
    itemCount: released.item_count,
  };
}

/** Withdraws an open request (anyone who may release); false when none was open. */
export async function withdrawRelease(
  ctx: ResultsContext,
  planId: string,
  releaseId: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('result_releases')
    .set({ status: 'withdrawn' })
    .where('plan_id', '=', planId)
    .where('id', '=', releaseId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  const withdrawn = Number(result.numUpdatedRows) > 0;
  if (withdrawn)
    emit(ctx, { planId, kind: 'release', reason: 'updated', ids: [releaseId], actorId: actor });
  return withdrawn;
}

/** The plan's releases, newest first. */
export async function listReleases(db: Executor, planId: string): Promise<Release[]> {
  const rows = await db
    .selectFrom('result_releases')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    signedOffBy: row.signed_off_by,
    releasedAt: row.released_at,
    itemCount: row.item_count,
  }));
}

/**
 * The plan's newest release and whether any answer changed since (an answer written after it
 * is in `reply_history` past the mark the release was signed off at); null before the first.
 */
export async function lastRelease(
  db: Executor,
  planId: string,
): Promise<{ releasedAt: string; answersChangedSince: boolean } | null> {
  const release = await db
    .selectFrom('result_releases')
    .select(['released_at', 'history_mark'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'released')
    .orderBy('released_at', 'desc')
    .executeTakeFirst();
  if (!release?.released_at) return null;
  return {
    releasedAt: release.released_at,
    answersChangedSince: (await newestHistoryId(db, planId)) > release.history_mark,
  };
}
