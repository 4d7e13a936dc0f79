import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { ContributionsTable } from '../schema/results-tables.js';
import { CONTRIBUTION_STATES } from '../schema/results-values.js';
import {
  CONTRIBUTION_LIMITS,
  newContributionSchema,
  type NewContribution,
  type ValidNewContribution,
} from './contribution-input.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsConflictError, ResultsInputError, ResultsNotFoundError } from './errors.js';
import { newReceiptCode } from './receipt-code.js';
import { writeReply } from './reply-write.js';
import { issuesOf, toContribution, type Contribution } from './rows.js';

/** The stored row of a validated input. */
export function contributionRow(
  planId: string,
  input: ValidNewContribution,
  actor: ActorId | null,
  now: string,
  extra: Partial<Insertable<ContributionsTable>> = {},
): Insertable<ContributionsTable> {
  const cosigners = input.cosigners ?? [];
  return {
    id: randomUUID(),
    plan_id: planId,
    channel: input.channel,
    source_system: input.sourceSystem,
    source_ref: input.sourceRef || null,
    source_url: input.sourceUrl || null,
    source_data: input.sourceData ? JSON.stringify(input.sourceData) : null,
    received_at: new Date(input.receivedAt).toISOString(),
    author_kind: input.authorKind,
    pseudonym: input.pseudonym ?? '',
    author_name: input.authorName || null,
    author_contact: input.authorContact || null,
    contact_consent: input.contactConsent ? 1 : 0,
    cosigner_count: Math.max(input.cosignerCount ?? 0, cosigners.length),
    cosigners: cosigners.length > 0 ? JSON.stringify(cosigners) : null,
    subject_id: input.subjectId || null,
    title: input.title ?? '',
    text: input.text,
    receipt_code: newReceiptCode(),
    created_by: actor,
    created_at: now,
    updated_by: actor,
    updated_at: now,
    ...extra,
  };
}

/** Validates one input; throws {@link ResultsInputError} naming every bad field. */
export function parseNewContribution(input: unknown, index?: number): ValidNewContribution {
  const parsed = newContributionSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error, index));
  return parsed.data;
}

/** Enters one contribution (a letter, a workshop card typed in by staff). */
export async function createContribution(
  ctx: ResultsContext,
  planId: string,
  input: NewContribution,
  actor: ActorId,
): Promise<Contribution> {
  const valid = parseNewContribution(input);
  const now = nowOf(ctx);
  const row = contributionRow(planId, valid, actor, now);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('contributions')
      .values(row)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (valid.reply) await writeReply(trx, planId, row.id, valid.reply, actor, now);
    return inserted;
  });
  emit(ctx, { planId, kind: 'contribution', reason: 'created', ids: [row.id], actorId: actor });
  return toContribution(created);
}

/** One contribution with its personal fields; undefined when not in this plan. */
export async function getContribution(
  db: Executor,
  planId: string,
  id: string,
): Promise<Contribution | undefined> {
  const row = await db
    .selectFrom('contributions')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toContribution(row);
}

/** What staff may change on a contribution after it was entered. */
export const contributionPatchSchema = z.strictObject({
  channel: newContributionSchema.shape.channel.optional(),
  sourceSystem: newContributionSchema.shape.sourceSystem.optional(),
  sourceRef: newContributionSchema.shape.sourceRef,
  sourceUrl: newContributionSchema.shape.sourceUrl,
  receivedAt: newContributionSchema.shape.receivedAt.optional(),
  authorKind: newContributionSchema.shape.authorKind.optional(),
  pseudonym: newContributionSchema.shape.pseudonym,
  authorName: newContributionSchema.shape.authorName,
  authorContact: newContributionSchema.shape.authorContact,
  contactConsent: z.boolean().optional(),
  cosigners: newContributionSchema.shape.cosigners,
  cosignerCount: newContributionSchema.shape.cosignerCount,
  subjectId: newContributionSchema.shape.subjectId,
  title: newContributionSchema.shape.title,
  text: newContributionSchema.shape.text.optional(),
  state: z.enum(CONTRIBUTION_STATES).optional(),
  assigneeUserId: z.string().trim().max(200).nullish(),
  assigneeDepartment: z.string().trim().max(CONTRIBUTION_LIMITS.authorName).nullish(),
  dueDate: z.iso.date().nullish(),
});
export type ContributionPatch = z.input<typeof contributionPatchSchema>;

/**
 * Changes a contribution if it still is at `expectedVersion` (what the writer read); otherwise
 * throws {@link ResultsConflictError} and changes nothing, so two people editing at once never
 * overwrite each other silently. Returns the row as stored.
 */
export async function updateContribution(
  ctx: ResultsContext,
  planId: string,
  id: string,
  expectedVersion: number,
  patch: ContributionPatch,
  actor: ActorId,
): Promise<Contribution> {
  const parsed = contributionPatchSchema.safeParse(patch);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const p = parsed.data;
  const set: Partial<Insertable<ContributionsTable>> = {};
  if (p.channel !== undefined) set.channel = p.channel;
  if (p.sourceSystem !== undefined) set.source_system = p.sourceSystem;
  if (p.sourceRef !== undefined) set.source_ref = p.sourceRef || null;
  if (p.sourceUrl !== undefined) set.source_url = p.sourceUrl || null;
  if (p.receivedAt !== undefined) set.received_at = new Date(p.receivedAt).toISOString();
  if (p.authorKind !== undefined) set.author_kind = p.authorKind;
  if (p.pseudonym !== undefined) set.pseudonym = p.pseudonym;
  if (p.authorName !== undefined) set.author_name = p.authorName || null;
  if (p.authorContact !== undefined) set.author_contact = p.authorContact || null;
  if (p.contactConsent !== undefined) set.contact_consent = p.contactConsent ? 1 : 0;
  if (p.cosigners !== undefined) {
    set.cosigners = p.cosigners.length > 0 ? JSON.stringify(p.cosigners) : null;
  }
  if (p.cosignerCount !== undefined || p.cosigners !== undefined) {
    set.cosigner_count = Math.max(p.cosignerCount ?? 0, p.cosigners?.length ?? 0);
  }
  if (p.subjectId !== undefined) set.subject_id = p.subjectId || null;
  if (p.title !== undefined) set.title = p.title;
  if (p.text !== undefined) set.text = p.text;
  if (p.state !== undefined) set.state = p.state;
  if (p.assigneeUserId !== undefined) set.assignee_user_id = p.assigneeUserId || null;
  if (p.assigneeDepartment !== undefined) set.assignee_department = p.assigneeDepartment || null;
  if (p.dueDate !== undefined) set.due_date = p.dueDate || null;
  if (set.source_system !== undefined || set.source_ref !== undefined) {
    await sourceMustBeFree(ctx.db, planId, id, set.source_system, set.source_ref);
  }
  const row = await ctx.db
    .updateTable('contributions')
    .set((eb) => ({
      ...set,
      row_version: eb('row_version', '+', 1),
      updated_by: actor,
      updated_at: nowOf(ctx),
    }))
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .where('row_version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw await missOrConflict(ctx.db, planId, id);
  emit(ctx, { planId, kind: 'contribution', reason: 'updated', ids: [id], actorId: actor });
  return toContribution(row);
}

/**
 * A changed source system or reference must not name another item of the plan (the pair is unique,
 * so a re-import finds its rows): refused as input, not left to the database's constraint error.
 */
async function sourceMustBeFree(
  db: Executor,
  planId: string,
  id: string,
  system: string | undefined,
  ref: string | null | undefined,
): Promise<void> {
  const current = await db
    .selectFrom('contributions')
    .select(['source_system', 'source_ref'])
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) return;
  const nextSystem = system ?? current.source_system;
  const nextRef = ref === undefined ? current.source_ref : ref;
  if (nextRef === null) return;
  const other = await db
    .selectFrom('contributions')
    .select('id')
    .where('plan_id', '=', planId)
    .where('source_system', '=', nextSystem)
    .where('source_ref', '=', nextRef)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (other) {
    throw new ResultsInputError([
      { path: 'sourceRef', code: 'duplicate', message: 'another item has this source reference' },
    ]);
  }
}

/** Why a versioned write touched no row: the row is gone, or it moved on. */
export async function missOrConflict(
  db: Executor,
  planId: string,
  id: string,
): Promise<ResultsConflictError | ResultsNotFoundError> {
  const current = await db
    .selectFrom('contributions')
    .select('row_version')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  return current
    ? new ResultsConflictError('contribution', id, current.row_version)
    : new ResultsNotFoundError('contribution', id);
}

/** Deletes a contribution with its parts, tags and answers. False when it was not there. */
export async function deleteContribution(
  ctx: ResultsContext,
  planId: string,
  id: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('contributions')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted) {
    emit(ctx, { planId, kind: 'contribution', reason: 'deleted', ids: [id], actorId: actor });
  }
  return deleted;
}

/** One part of a split: its own text (and title), answered on its own. */
export const splitPartSchema = z.strictObject({
  title: newContributionSchema.shape.title,
  text: newContributionSchema.shape.text,
});
export type SplitPart = z.input<typeof splitPartSchema>;

/** What a split is based on: the versions of the item and of its answer the person read. */
export interface SplitBase {
  /** The contribution's version. */
  version: number;
  /** The answer's version; null when it had none. */
  replyVersion: number | null;
}

/**
 * Splits a long submission into parts answered separately. Each part copies the original's
 * channel, author, subject and date, points at it as parent, gets a numbered source reference
 * (`<original's reference>#001`) and its own receipt code (the
 * original's code finds the parts' answers too). The original keeps its text; the release rule
 * counts a split original as covered by its parts. An item is split once: if it changed or was
 * answered since `base` was read, or already has parts (entity `split`), {@link ResultsConflictError}
 * and nothing
 * is written (a double submit, two people splitting at once, an answer that would be orphaned).
 * Returns the parts.
 */
export async function splitContribution(
  ctx: ResultsContext,
  planId: string,
  id: string,
  base: SplitBase,
  parts: readonly SplitPart[],
  actor: ActorId,
): Promise<Contribution[]> {
  const parsed = z.array(splitPartSchema).min(1).max(200).safeParse(parts);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const now = nowOf(ctx);
  const created = await ctx.db.transaction().execute(async (trx) => {
    // The versioned update first: it locks the original, so of two splits at once (PostgreSQL)
    // the second waits, then finds the version moved on.
    const original = await trx
      .updateTable('contributions')
      .set((eb) => ({ row_version: eb('row_version', '+', 1), updated_by: actor, updated_at: now }))
      .where('plan_id', '=', planId)
      .where('id', '=', id)
      .where('row_version', '=', base.version)
      .returningAll()
      .executeTakeFirst();
    if (!original) throw await missOrConflict(trx, planId, id);
    const reply = await trx
      .selectFrom('replies')
      .select('row_version')
      .where('contribution_id', '=', id)
      .executeTakeFirst();
    if ((reply?.row_version ?? null) !== base.replyVersion) {
      throw new ResultsConflictError('reply', id, reply?.row_version ?? null);
    }
    const existing = await trx
      .selectFrom('contributions')
      .select('id')
      .where('parent_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    // Entity 'split': the caller says "already split" rather than "changed meanwhile".
    if (existing) throw new ResultsConflictError('split', id, base.version);
    const rows = parsed.data.map((part, index) => ({
      ...original,
      contact_consent: original.contact_consent === 1 ? (1 as const) : (0 as const),
      id: randomUUID(),
      // "<original's reference>#001": numbered in order, so parts sort as they were split.
      source_ref: `${original.source_ref ?? original.id}#${String(index + 1).padStart(3, '0')}`,
      title: part.title ?? original.title,
      text: part.text,
      parent_id: original.id,
      cluster_id: null,
      receipt_code: newReceiptCode(),
      state: 'new' as const,
      row_version: 1,
      created_by: actor,
      created_at: now,
      updated_by: actor,
      updated_at: now,
    }));
    return trx.insertInto('contributions').values(rows).returningAll().execute();
  });
  emit(ctx, {
    planId,
    kind: 'contribution',
    reason: 'created',
    ids: [id, ...created.map((row) => row.id)],
    actorId: actor,
  });
  return created.map(toContribution);
}
