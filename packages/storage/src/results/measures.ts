import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { MeasuresTable } from '../schema/results-tables.js';
import { MEASURE_STATUSES, type MeasureStatus } from '../schema/results-values.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsConflictError, ResultsInputError, ResultsNotFoundError } from './errors.js';
import { issuesOf } from './rows.js';

/** Text per locale (`de`, `en`, …), as Decidim's `title/<locale>` columns. */
const localizedSchema = z.record(
  z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/),
  z.string().trim().max(20_000),
);

export const measureInputSchema = z.strictObject({
  title: localizedSchema.refine((t) => Object.values(t).some((v) => v !== ''), {
    message: 'a title in at least one language',
  }),
  description: localizedSchema.optional(),
  status: z.enum(MEASURE_STATUSES).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  startDate: z.iso.date().nullish(),
  endDate: z.iso.date().nullish(),
  weight: z.number().min(0).max(1_000_000).optional(),
  parentId: z.string().min(1).max(100).nullish(),
  externalId: z.string().trim().min(1).max(200).nullish(),
});
export type MeasureInput = z.input<typeof measureInputSchema>;
export const measurePatchSchema = measureInputSchema.partial();
export type MeasurePatch = z.input<typeof measurePatchSchema>;

/** A measure of implementation with its milestones and the contributions behind it. */
export interface Measure {
  id: string;
  parentId: string | null;
  externalId: string | null;
  status: MeasureStatus;
  progress: number;
  startDate: string | null;
  endDate: string | null;
  weight: number;
  title: Record<string, string>;
  description: Record<string, string>;
  version: number;
  milestones: Milestone[];
  contributionIds: string[];
}

export interface Milestone {
  id: string;
  title: string;
  dueDate: string | null;
  doneAt: string | null;
  position: number;
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) {
    throw new ResultsInputError([
      { path: 'endDate', code: 'before_start', message: 'ends before it starts' },
    ]);
  }
}

async function parentMustBeValid(
  db: Executor,
  planId: string,
  id: string | null,
  parentId: string | null | undefined,
): Promise<void> {
  if (!parentId) return;
  const measures = await db
    .selectFrom('measures')
    .select(['id', 'parent_id'])
    .where('plan_id', '=', planId)
    .execute();
  if (!measures.some((m) => m.id === parentId)) throw new ResultsNotFoundError('measure', parentId);
  for (
    let at: string | null = parentId;
    at !== null;
    at = measures.find((m) => m.id === at)?.parent_id ?? null
  ) {
    if (at === id)
      throw new ResultsInputError([
        { path: 'parentId', code: 'cycle', message: 'a measure cannot sit under itself' },
      ]);
  }
}

export async function createMeasure(
  ctx: ResultsContext,
  planId: string,
  input: MeasureInput,
  actor: ActorId | null,
): Promise<Measure> {
  const parsed = measureInputSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const m = parsed.data;
  checkDates(m.startDate, m.endDate);
  await parentMustBeValid(ctx.db, planId, null, m.parentId);
  const now = nowOf(ctx);
  const id = randomUUID();
  await ctx.db
    .insertInto('measures')
    .values({
      id,
      plan_id: planId,
      parent_id: m.parentId ?? null,
      external_id: m.externalId ?? null,
      status: m.status ?? 'planned',
      progress: m.progress ?? 0,
      start_date: m.startDate ?? null,
      end_date: m.endDate ?? null,
      weight: m.weight ?? 1,
      title: JSON.stringify(m.title),
      description: JSON.stringify(m.description ?? {}),
      created_by: actor,
      created_at: now,
      updated_by: actor,
      updated_at: now,
    })
    .execute();
  emit(ctx, { planId, kind: 'measure', reason: 'created', ids: [id], actorId: actor });
  return (await getMeasure(ctx.db, planId, id)) as Measure;
}

/** Changes a measure if it still is at `expectedVersion`; else {@link ResultsConflictError}. */
export async function updateMeasure(
  ctx: ResultsContext,
  planId: string,
  id: string,
  expectedVersion: number,
  patch: MeasurePatch,
  actor: ActorId,
): Promise<Measure> {
  const parsed = measurePatchSchema.safeParse(patch);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  const p = parsed.data;
  const current = await getMeasure(ctx.db, planId, id);
  if (!current) throw new ResultsNotFoundError('measure', id);
  checkDates(
    p.startDate === undefined ? current.startDate : p.startDate,
    p.endDate === undefined ? current.endDate : p.endDate,
  );
  if (p.parentId !== undefined) await parentMustBeValid(ctx.db, planId, id, p.parentId);
  const set: Partial<Insertable<MeasuresTable>> = {};
  if (p.title !== undefined) set.title = JSON.stringify(p.title);
  if (p.description !== undefined) set.description = JSON.stringify(p.description);
  if (p.status !== undefined) set.status = p.status;
  if (p.progress !== undefined) set.progress = p.progress;
  if (p.startDate !== undefined) set.start_date = p.startDate;
  if (p.endDate !== undefined) set.end_date = p.endDate;
  if (p.weight !== undefined) set.weight = p.weight;
  if (p.parentId !== undefined) set.parent_id = p.parentId;
  if (p.externalId !== undefined) set.external_id = p.externalId;
  const result = await ctx.db
    .updateTable('measures')
    .set((eb) => ({
      ...set,
      row_version: eb('row_version', '+', 1),
      updated_by: actor,
      updated_at: nowOf(ctx),
    }))
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .where('row_version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const now = await getMeasure(ctx.db, planId, id);
    throw now
      ? new ResultsConflictError('measure', id, now.version)
      : new ResultsNotFoundError('measure', id);
  }
  emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [id], actorId: actor });
  return (await getMeasure(ctx.db, planId, id)) as Measure;
}

export async function deleteMeasure(
  ctx: ResultsContext,
  planId: string,
  id: string,
  actor: ActorId,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('measures')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  const deleted = Number(result.numDeletedRows) > 0;
  if (deleted) emit(ctx, { planId, kind: 'measure', reason: 'deleted', ids: [id], actorId: actor });
  return deleted;
}

export async function getMeasure(
  db: Executor,
  planId: string,
  id: string,
): Promise<Measure | undefined> {
  return (await listMeasures(db, planId, id))[0];
}

/** The plan's measures (or the one with `onlyId`) with milestones and linked contributions. */
export async function listMeasures(
  db: Executor,
  planId: string,
  onlyId?: string,
): Promise<Measure[]> {
  let query = db.selectFrom('measures').selectAll().where('plan_id', '=', planId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const rows = await query.orderBy('weight', 'desc').orderBy('created_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const milestones = await db
    .selectFrom('measure_milestones')
    .selectAll()
    .where('measure_id', 'in', ids)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('measure_contributions')
    .selectAll()
    .where('measure_id', 'in', ids)
    .orderBy('contribution_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    externalId: row.external_id,
    status: row.status,
    progress: row.progress,
    startDate: row.start_date,
    endDate: row.end_date,
    weight: Number(row.weight),
    title: JSON.parse(row.title) as Record<string, string>,
    description: JSON.parse(row.description) as Record<string, string>,
    version: row.row_version,
    milestones: milestones
      .filter((m) => m.measure_id === row.id)
      .map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.due_date,
        doneAt: m.done_at,
        position: m.position,
      })),
    contributionIds: links.filter((l) => l.measure_id === row.id).map((l) => l.contribution_id),
  }));
}

export const milestoneInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  dueDate: z.iso.date().nullish(),
  done: z.boolean().optional(),
});
export type MilestoneInput = z.input<typeof milestoneInputSchema>;

async function measureMustExist(db: Executor, planId: string, id: string): Promise<void> {
  const row = await db
    .selectFrom('measures')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ResultsNotFoundError('measure', id);
}

export async function addMilestone(
  ctx: ResultsContext,
  planId: string,
  measureId: string,
  input: MilestoneInput,
  actor: ActorId,
): Promise<Milestone> {
  const parsed = milestoneInputSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  await measureMustExist(ctx.db, planId, measureId);
  const last = await ctx.db
    .selectFrom('measure_milestones')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
  const milestone: Milestone = {
    id: randomUUID(),
    title: parsed.data.title,
    dueDate: parsed.data.dueDate ?? null,
    doneAt: parsed.data.done ? nowOf(ctx) : null,
    position: Number(last?.p ?? -1) + 1,
  };
  await ctx.db
    .insertInto('measure_milestones')
    .values({
      id: milestone.id,
      measure_id: measureId,
      title: milestone.title,
      due_date: milestone.dueDate,
      done_at: milestone.doneAt,
      position: milestone.position,
    })
    .execute();
  emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [measureId], actorId: actor });
  return milestone;
}

export async function updateMilestone(
  ctx: ResultsContext,
  planId: string,
  measureId: string,
  milestoneId: string,
  input: MilestoneInput,
  actor: ActorId,
): Promise<void> {
  const parsed = milestoneInputSchema.safeParse(input);
  if (!parsed.success) throw new ResultsInputError(issuesOf(parsed.error));
  await measureMustExist(ctx.db, planId, measureId);
  const result = await ctx.db
    .updateTable('measure_milestones')
    .set({
      title: parsed.data.title,
      due_date: parsed.data.dueDate ?? null,
      done_at: parsed.data.done ? nowOf(ctx) : null,
    })
    .where('measure_id', '=', measureId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ResultsNotFoundError('milestone', milestoneId);
  emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [measureId], actorId: actor });
}

export async function removeMilestone(
  ctx: ResultsContext,
  planId: string,
  measureId: string,
  milestoneId: string,
  actor: ActorId,
): Promise<boolean> {
  await measureMustExist(ctx.db, planId, measureId);
  const result = await ctx.db
    .deleteFrom('measure_milestones')
    .where('measure_id', '=', measureId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed)
    emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [measureId], actorId: actor });
  return removed;
}

/** Links contributions to a measure (the ones behind it); already linked ones stay. */
export async function linkMeasureContributions(
  ctx: ResultsContext,
  planId: string,
  measureId: string,
  contributionIds: readonly string[],
  actor: ActorId,
): Promise<void> {
  const ids = [...new Set(contributionIds)];
  if (ids.length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await measureMustExist(trx, planId, measureId);
    const found = await trx
      .selectFrom('contributions')
      .select('id')
      .where('plan_id', '=', planId)
      .where('id', 'in', ids)
      .execute();
    if (found.length !== ids.length) {
      throw new ResultsNotFoundError(
        'contribution',
        ids.find((id) => !found.some((f) => f.id === id)) as string,
      );
    }
    await trx
      .insertInto('measure_contributions')
      .values(ids.map((id) => ({ measure_id: measureId, contribution_id: id })))
      .onConflict((oc) => oc.columns(['measure_id', 'contribution_id']).doNothing())
      .execute();
  });
  emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [measureId], actorId: actor });
}

export async function unlinkMeasureContribution(
  ctx: ResultsContext,
  planId: string,
  measureId: string,
  contributionId: string,
  actor: ActorId,
): Promise<boolean> {
  await measureMustExist(ctx.db, planId, measureId);
  const result = await ctx.db
    .deleteFrom('measure_contributions')
    .where('measure_id', '=', measureId)
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  if (removed)
    emit(ctx, { planId, kind: 'measure', reason: 'updated', ids: [measureId], actorId: actor });
  return removed;
}
