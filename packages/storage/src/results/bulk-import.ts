import type { Insertable } from 'kysely';
import type { ContributionsTable } from '../schema/results-tables.js';
import type { NewContribution, ValidNewContribution } from './contribution-input.js';
import { contributionRow } from './contributions.js';
import { emit, nowOf, type ActorId, type Executor, type ResultsContext } from './context.js';
import { ResultsInputError, type ResultsInputIssue } from './errors.js';
import { newContributionSchema } from './contribution-input.js';
import { issuesOf } from './rows.js';
import { writeFirstReplies } from './reply-write.js';

/** A row of the input that an earlier import (or an earlier row of this one) already holds. */
export interface DuplicateRow {
  index: number;
  sourceRef: string;
  /** The stored contribution it duplicates; null when it repeats an earlier row of this input. */
  existingId: string | null;
}

/** What an import would do: nothing is written by {@link previewContributions}. */
export interface ImportPreview {
  /** Indexes of the rows that would be created. */
  create: number[];
  duplicates: DuplicateRow[];
  /** Every problem of every bad row; an import with any is refused whole. */
  issues: ResultsInputIssue[];
}

/** Rows per INSERT: 30 columns × 400 stays below both dialects' parameter limits. */
const CHUNK = 400;

/**
 * Validates `rows` and finds the ones already stored (same plan, source system and reference),
 * without writing: the import preview.
 */
export async function previewContributions(
  db: Executor,
  planId: string,
  rows: readonly NewContribution[],
): Promise<ImportPreview & { valid: (ValidNewContribution | undefined)[] }> {
  const issues: ResultsInputIssue[] = [];
  const valid = rows.map((row, index) => {
    const parsed = newContributionSchema.safeParse(row);
    if (parsed.success) return parsed.data;
    issues.push(...issuesOf(parsed.error, index));
    return undefined;
  });
  const existing = await storedReferences(db, planId, valid);
  const seen = new Set<string>();
  const create: number[] = [];
  const duplicates: DuplicateRow[] = [];
  valid.forEach((row, index) => {
    if (!row) return;
    const ref = row.sourceRef || null;
    if (ref === null) {
      create.push(index);
      return;
    }
    const key = referenceKey(row.sourceSystem, ref);
    const existingId = existing.get(key);
    if (existingId !== undefined || seen.has(key)) {
      duplicates.push({ index, sourceRef: ref, existingId: existingId ?? null });
      return;
    }
    seen.add(key);
    create.push(index);
  });
  return { create, duplicates, issues, valid };
}

/** The outcome of {@link insertContributions}. */
export interface ImportResult {
  /** Ids of the created contributions, in input order. */
  createdIds: string[];
  duplicates: DuplicateRow[];
}

/**
 * Imports `rows` all or nothing: any invalid row refuses the whole input (a
 * {@link ResultsInputError} listing every issue with its row index), and the rows are written in
 * one transaction, so a failure in the middle leaves no trace. Rows whose source reference is
 * already stored (or repeated within the input) are skipped and reported, so importing the same
 * file again creates nothing. `onProgress(done, total)` is called after each chunk.
 */
export async function insertContributions(
  ctx: ResultsContext,
  planId: string,
  rows: readonly NewContribution[],
  actor: ActorId | null,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const now = nowOf(ctx);
  const result = await ctx.db.transaction().execute(async (trx) => {
    // Inside the transaction, so a concurrent import of the same file cannot slip between the
    // duplicate check and the insert (the unique constraint would refuse it anyway).
    const preview = await previewContributions(trx, planId, rows);
    if (preview.issues.length > 0) throw new ResultsInputError(preview.issues);
    const toWrite: { index: number; row: Insertable<ContributionsTable> }[] = preview.create.map(
      (index) => ({
        index,
        row: contributionRow(planId, preview.valid[index] as ValidNewContribution, actor, now),
      }),
    );
    for (let start = 0; start < toWrite.length; start += CHUNK) {
      const chunk = toWrite.slice(start, start + CHUNK);
      await trx
        .insertInto('contributions')
        .values(chunk.map((entry) => entry.row))
        .execute();
      options.onProgress?.(Math.min(start + CHUNK, toWrite.length), toWrite.length);
    }
    const replies = toWrite.flatMap(({ index, row }) => {
      const reply = preview.valid[index]?.reply;
      return reply && (reply.decision || reply.reason || reply.response)
        ? [{ contributionId: row.id as string, fields: reply }]
        : [];
    });
    await writeFirstReplies(trx, planId, replies, actor ?? 'import', now);
    return {
      createdIds: toWrite.map((entry) => entry.row.id as string),
      duplicates: preview.duplicates,
    };
  });
  if (result.createdIds.length > 0) {
    emit(ctx, { planId, kind: 'contribution', reason: 'imported', ids: [], actorId: actor });
  }
  return result;
}

function referenceKey(system: string, ref: string): string {
  return `${system}\u0000${ref}`;
}

/** Stored contribution ids by (source system, reference) for the references in `rows`. */
async function storedReferences(
  db: Executor,
  planId: string,
  rows: readonly (ValidNewContribution | undefined)[],
): Promise<Map<string, string>> {
  const bySystem = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row?.sourceRef) continue;
    let refs = bySystem.get(row.sourceSystem);
    if (!refs) bySystem.set(row.sourceSystem, (refs = new Set()));
    refs.add(row.sourceRef);
  }
  const found = new Map<string, string>();
  for (const [system, refs] of bySystem) {
    const list = [...refs];
    for (let start = 0; start < list.length; start += 1000) {
      const stored = await db
        .selectFrom('contributions')
        .select(['id', 'source_ref'])
        .where('plan_id', '=', planId)
        .where('source_system', '=', system)
        .where('source_ref', 'in', list.slice(start, start + 1000))
        .execute();
      for (const row of stored) {
        if (row.source_ref !== null) found.set(referenceKey(system, row.source_ref), row.id);
      }
    }
  }
  return found;
}
