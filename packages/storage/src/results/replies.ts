import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DECISIONS, LINK_KINDS, type Decision, type LinkKind } from '../schema/results-values.js';
import { CONTRIBUTION_LIMITS } from './contribution-input.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsInputError, ResultsNotFoundError } from './errors.js';
import { writeReply, type ReplyFields } from './reply-write.js';
import { issuesOf, toReply, type Reply } from './rows.js';

/** What a person may set on an answer; fields left out keep their value. */
export const replyInputSchema = z
  .strictObject({
    decision: z.enum(DECISIONS).nullish(),
    reason: z.string().trim().max(CONTRIBUTION_LIMITS.reason).optional(),
    response: z.string().trim().max(CONTRIBUTION_LIMITS.response).optional(),
    linkKind: z.enum(LINK_KINDS).nullish(),
    linkId: z.string().trim().min(1).max(100).nullish(),
    measureId: z.string().min(1).max(100).nullish(),
    duplicateOfId: z.string().min(1).max(100).nullish(),
  })
  .refine(
    (input) =>
      (input.linkKind === undefined && input.linkId === undefined) ||
      (input.linkKind == null) === (input.linkId == null),
    {
      message: 'a link needs both its kind and its id',
      path: ['linkId'],
    },
  );
export type ReplyInput = z.input<typeof replyInputSchema>;

/** Validates an answer and checks that what it points at is in the same plan. */
export async function parseReply(
  db: Executor,
  planId: string,
  contributionIds: readonly string[],
  input: ReplyInput,
): Promise<ReplyFields> {
  const parsed = replyInputSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const fields = parsed.data;
  if (fields.duplicateOfId) {
    if (contributionIds.includes(fields.duplicateOfId)) {
      throw new ResultsInputError([
        { path: 'duplicateOfId', code: 'self', message: 'a contribution cannot duplicate itself' },
      ]);
    }
    await mustExist(db, 'contributions', planId, fields.duplicateOfId, 'duplicateOfId');
  }
  if (fields.decision === 'duplicate_of' && !fields.duplicateOfId) {
    throw new ResultsInputError([
      { path: 'duplicateOfId', code: 'required', message: '"duplicate of" needs the original' },
    ]);
  }
  if (fields.measureId) await mustExist(db, 'measures', planId, fields.measureId, 'measureId');
  return fields;
}

async function mustExist(
  db: Executor,
  table: 'contributions' | 'measures',
  planId: string,
  id: string,
  path: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) {
    throw new ResultsInputError([
      { path, code: 'not_found', message: `no ${table} ${id} in this plan` },
    ]);
  }
}

/**
 * Answers one contribution. `expectedVersion` is the reply version the writer read (null: there
 * was none); if someone answered meanwhile, {@link ResultsConflictError} and nothing written.
 * Every change is kept in the reply's history. A member of a cluster answered here keeps this
 * answer when the cluster is answered (`answeredOnItsOwn`), and the cluster's version rises.
 * Returns the reply as stored.
 */
export async function setReply(
  ctx: ResultsContext,
  planId: string,
  contributionId: string,
  expectedVersion: number | null,
  input: ReplyInput,
  actor: ActorId,
): Promise<Reply> {
  const reply = await ctx.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('contributions')
      .select(['id', 'cluster_id'])
      .where('plan_id', '=', planId)
      .where('id', '=', contributionId)
      .executeTakeFirst();
    if (!exists) throw new ResultsNotFoundError('contribution', contributionId);
    const fields = await parseReply(trx, planId, [contributionId], input);
    if (exists.cluster_id !== null) {
      // The cluster changes too: this member now keeps its own answer, so a cluster form opened
      // before is stale. Locked before the reply, in the order `replyToCluster` locks them.
      await trx
        .updateTable('result_clusters')
        .set((eb) => ({ row_version: eb('row_version', '+', 1) }))
        .where('id', '=', exists.cluster_id)
        .execute();
    }
    // An answer given to one item alone is no longer its cluster's answer.
    await writeReply(trx, planId, contributionId, fields, actor, nowOf(ctx), {
      expectedVersion,
      clusterId: null,
    });
    return trx
      .selectFrom('replies')
      .selectAll()
      .where('contribution_id', '=', contributionId)
      .executeTakeFirstOrThrow();
  });
  emit(ctx, { planId, kind: 'reply', reason: 'updated', ids: [contributionId], actorId: actor });
  return toReply(reply);
}

/** The current answer; undefined when there is none. */
export async function getReply(
  db: Executor,
  planId: string,
  contributionId: string,
): Promise<Reply | undefined> {
  const row = await db
    .selectFrom('replies')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
  return row && toReply(row);
}

/** One entry of an answer's history: who changed it when, and what it said after. */
export interface ReplyHistoryEntry {
  version: number;
  decision: Decision | null;
  reason: string;
  response: string;
  linkKind: LinkKind | null;
  linkId: string | null;
  measureId: string | null;
  duplicateOfId: string | null;
  clusterId: string | null;
  changedBy: string;
  changedAt: string;
}

/** The history of one answer, oldest first. */
export async function listReplyHistory(
  db: Executor,
  planId: string,
  contributionId: string,
): Promise<ReplyHistoryEntry[]> {
  const rows = await db
    .selectFrom('reply_history')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('contribution_id', '=', contributionId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    version: row.row_version,
    decision: row.decision,
    reason: row.reason,
    response: row.response,
    linkKind: row.link_kind,
    linkId: row.link_id,
    measureId: row.measure_id,
    duplicateOfId: row.duplicate_of_id,
    clusterId: row.cluster_id,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  }));
}

/** A reusable answer of a plan. */
export interface ReplyTemplate {
  id: string;
  label: string;
  decision: Decision | null;
  reason: string;
  response: string;
}

export const replyTemplateSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  decision: z.enum(DECISIONS).nullish(),
  reason: z.string().trim().max(CONTRIBUTION_LIMITS.reason).optional(),
  response: z.string().trim().max(CONTRIBUTION_LIMITS.response).optional(),
});
export type ReplyTemplateInput = z.input<typeof replyTemplateSchema>;

export async function createReplyTemplate(
  ctx: ResultsContext,
  planId: string,
  input: ReplyTemplateInput,
  actor: ActorId,
): Promise<ReplyTemplate> {
  const parsed = replyTemplateSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const now = nowOf(ctx);
  const template = {
    id: randomUUID(),
    label: parsed.data.label,
    decision: parsed.data.decision ?? null,
    reason: parsed.data.reason ?? '',
    response: parsed.data.response ?? '',
  };
  await ctx.db
    .insertInto('reply_templates')
    .values({ ...template, plan_id: planId, created_by: actor, created_at: now, updated_at: now })
    .execute();
  emit(ctx, { planId, kind: 'template', reason: 'created', ids: [template.id], actorId: actor });
  return template;
}

export async function updateReplyTemplate(
  ctx: ResultsContext,
  planId: string,
  id: string,
  input: ReplyTemplateInput,
  actor: ActorId,
): Promise<ReplyTemplate> {
  const parsed = replyTemplateSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const template = {
    label: parsed.data.label,
    decision: parsed.data.decision ?? null,
    reason: parsed.data.reason ?? '',
    response: parsed.data.response ?? '',
  };
  const result = await ctx.db
    .updateTable('reply_templates')
    .set({ ...template, updated_at: nowOf(ctx) })
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ResultsNotFoundError('reply template', id);
  emit(ctx, { planId, kind: 'template', reason: 'updated', ids: [id], actorId: actor });
  return { id, ...template };
}

export async function deleteReplyTemplate(
  ctx: ResultsContext,
  planId: string,
  id: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('reply_templates')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted)
    emit(ctx, { planId, kind: 'template', reason: 'deleted', ids: [id], actorId: actor });
  return deleted;
}

export async function listReplyTemplates(db: Executor, planId: string): Promise<ReplyTemplate[]> {
  return db
    .selectFrom('reply_templates')
    .select(['id', 'label', 'decision', 'reason', 'response'])
    .where('plan_id', '=', planId)
    .orderBy('label')
    .orderBy('id')
    .execute();
}
