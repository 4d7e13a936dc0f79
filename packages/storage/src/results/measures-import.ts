import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { MeasuresTable } from '../schema/results-tables.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsInputError, type ResultsInputIssue } from './errors.js';
import { measureInputSchema, type MeasureInput } from './measures.js';
import { issuesOf } from './rows.js';

/**
 * One measure read from a file (Decidim's accountability CSV), as the import writes it. `ref`
 * and `parentRef` are the file's ids: a row whose `ref` is the id of one of the plan's measures,
 * or whose `externalId` is one's external id, updates that measure; every other row creates one.
 */
export interface MeasureImportRow {
  /** The row's line in the file; issues carry it as `index`. */
  line: number;
  ref: string | null;
  parentRef: string | null;
  input: Omit<MeasureInput, 'parentId'>;
  /** Links or ids of the proposals behind it, matched to contributions' source URL or reference. */
  proposalRefs: string[];
}

/** What an import would do with one row. */
export interface MeasureImportStep {
  line: number;
  action: 'create' | 'update';
  /** The measure updated; null for a new one. */
  measureId: string | null;
  /** Contributions of the plan its proposal refs name. */
  contributionIds: string[];
  /** Proposal refs that name no contribution of the plan (not linked). */
  unmatched: string[];
}

/** Candidate source references of a proposal ref: itself and, for a URL, its last segment. */
function refCandidates(ref: string): string[] {
  const last = /^https?:\/\/[^?#]*\/([^/?#]+)\/?(?:[?#].*)?$/.exec(ref)?.[1];
  return last && last !== ref ? [ref, last] : [ref];
}

/** In pieces, so no statement passes the databases' parameter limits. */
const CHUNK = 500;

async function matchProposals(
  db: Executor,
  planId: string,
  refs: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(refs.flatMap(refCandidates))];
  const byRef = new Map<string, string>();
  for (let at = 0; at < wanted.length; at += CHUNK) {
    const part = wanted.slice(at, at + CHUNK);
    const rows = await db
      .selectFrom('contributions')
      .select(['id', 'source_ref', 'source_url'])
      .where('plan_id', '=', planId)
      .where((eb) => eb.or([eb('source_url', 'in', part), eb('source_ref', 'in', part)]))
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      for (const key of [row.source_url, row.source_ref]) {
        if (key !== null && !byRef.has(key)) byRef.set(key, row.id);
      }
    }
  }
  return byRef;
}

/** Checks every row (nothing is written); throws {@link ResultsInputError} naming the lines. */
export async function planMeasureImport(
  db: Executor,
  planId: string,
  rows: readonly MeasureImportRow[],
): Promise<MeasureImportStep[]> {
  const issues: ResultsInputIssue[] = [];
  for (const row of rows) {
    const parsed = measureInputSchema.safeParse(row.input);
    if (!parsed.success) issues.push(...issuesOf(parsed.error, row.line));
    const { startDate, endDate } = row.input;
    if (startDate && endDate && endDate < startDate) {
      issues.push({
        index: row.line,
        path: 'endDate',
        code: 'before_start',
        message: 'ends before it starts',
      });
    }
  }
  const existing = await db
    .selectFrom('measures')
    .select(['id', 'external_id'])
    .where('plan_id', '=', planId)
    .execute();
  const ids = new Set(existing.map((m) => m.id));
  const fileRefs = new Set(rows.flatMap((row) => (row.ref ? [row.ref] : [])));
  for (const row of rows) {
    if (row.parentRef && !fileRefs.has(row.parentRef) && !ids.has(row.parentRef)) {
      issues.push({
        index: row.line,
        path: 'parentId',
        code: 'not_found',
        message: `no measure ${row.parentRef} in the file or the plan`,
      });
    }
  }
  if (issues.length > 0) throw new ResultsInputError(issues);
  const matched = await matchProposals(
    db,
    planId,
    rows.flatMap((row) => row.proposalRefs),
  );
  return rows.map((row) => {
    const target =
      (row.ref && ids.has(row.ref) ? row.ref : null) ??
      (row.input.externalId
        ? (existing.find((m) => m.external_id === row.input.externalId)?.id ?? null)
        : null);
    const contributionIds: string[] = [];
    const unmatched: string[] = [];
    for (const ref of row.proposalRefs) {
      const id = refCandidates(ref)
        .map((candidate) => matched.get(candidate))
        .find((found) => found !== undefined);
      if (id === undefined) unmatched.push(ref);
      else if (!contributionIds.includes(id)) contributionIds.push(id);
    }
    return {
      line: row.line,
      action: target ? 'update' : 'create',
      measureId: target,
      contributionIds,
      unmatched,
    };
  });
}

/** Result of {@link importMeasures}. */
export interface MeasureImportResult {
  created: number;
  updated: number;
  /** Contribution links added. */
  linked: number;
}

/**
 * Writes an import in one transaction: creates or updates each row's measure, then sets parents
 * and links the matched contributions (existing links stay). On any problem nothing is written.
 * One `imported` event follows the commit.
 */
export async function importMeasures(
  ctx: ResultsContext,
  planId: string,
  rows: readonly MeasureImportRow[],
  actor: ActorId,
): Promise<MeasureImportResult> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const steps = await planMeasureImport(trx, planId, rows);
    const now = nowOf(ctx);
    const idOfRef = new Map<string, string>();
    const done: MeasureImportResult = { created: 0, updated: 0, linked: 0 };
    for (const [index, row] of rows.entries()) {
      const step = steps[index] as MeasureImportStep;
      const m = measureInputSchema.parse(row.input);
      const fields: Partial<Insertable<MeasuresTable>> = {
        title: JSON.stringify(m.title),
        ...(m.description !== undefined ? { description: JSON.stringify(m.description) } : {}),
        ...(m.status !== undefined ? { status: m.status } : {}),
        ...(m.progress !== undefined ? { progress: m.progress } : {}),
        ...(m.startDate !== undefined ? { start_date: m.startDate } : {}),
        ...(m.endDate !== undefined ? { end_date: m.endDate } : {}),
        ...(m.weight !== undefined ? { weight: m.weight } : {}),
        ...(m.externalId !== undefined ? { external_id: m.externalId } : {}),
        updated_by: actor,
        updated_at: now,
      };
      let id = step.measureId;
      if (id) {
        await trx
          .updateTable('measures')
          .set((eb) => ({ ...fields, row_version: eb('row_version', '+', 1) }))
          .where('plan_id', '=', planId)
          .where('id', '=', id)
          .execute();
        done.updated += 1;
      } else {
        id = randomUUID();
        await trx
          .insertInto('measures')
          .values({
            status: 'planned',
            progress: 0,
            weight: 1,
            description: '{}',
            ...fields,
            title: fields.title as string,
            id,
            plan_id: planId,
            created_by: actor,
            created_at: now,
          })
          .execute();
        done.created += 1;
      }
      if (row.ref) idOfRef.set(row.ref, id);
      if (step.contributionIds.length > 0) {
        const added = await trx
          .insertInto('measure_contributions')
          .values(step.contributionIds.map((cid) => ({ measure_id: id, contribution_id: cid })))
          .onConflict((oc) => oc.columns(['measure_id', 'contribution_id']).doNothing())
          .executeTakeFirst();
        done.linked += Number(added.numInsertedOrUpdatedRows ?? 0);
      }
    }
    for (const row of rows) {
      if (!row.parentRef || !row.ref) continue;
      const parentId = idOfRef.get(row.parentRef) ?? row.parentRef;
      await trx
        .updateTable('measures')
        .set({ parent_id: parentId })
        .where('plan_id', '=', planId)
        .where('id', '=', idOfRef.get(row.ref) as string)
        .execute();
    }
    await refuseCycles(trx, planId, rows);
    return done;
  });
  emit(ctx, { planId, kind: 'measure', reason: 'imported', ids: [], actorId: actor });
  return result;
}

/** Throws when the parents an import set put a measure under itself. */
async function refuseCycles(
  db: Executor,
  planId: string,
  rows: readonly MeasureImportRow[],
): Promise<void> {
  const all = await db
    .selectFrom('measures')
    .select(['id', 'parent_id'])
    .where('plan_id', '=', planId)
    .execute();
  const parentOf = new Map(all.map((m) => [m.id, m.parent_id]));
  for (const start of parentOf.keys()) {
    const seen = new Set<string>();
    for (let at: string | null = start; at !== null; at = parentOf.get(at) ?? null) {
      if (seen.has(at)) {
        const line = rows.find((row) => row.parentRef !== null)?.line;
        throw new ResultsInputError([
          {
            ...(line === undefined ? {} : { index: line }),
            path: 'parentId',
            code: 'cycle',
            message: 'a measure cannot sit under itself',
          },
        ]);
      }
      seen.add(at);
    }
  }
}
