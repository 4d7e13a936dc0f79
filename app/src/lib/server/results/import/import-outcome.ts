/**
 * The preview of a read file against the database, and the confirmed import. The preview asks
 * storage which rows an earlier import holds (by source system and reference) and which rows its
 * own rules refuse, and writes nothing. The import writes the good rows in one transaction
 * (storage's `insertContributions`: all or nothing, duplicates skipped) and only when the person
 * acknowledged exactly as many bad rows as the file has: by default (none acknowledged) one bad
 * row writes nothing at all.
 */
import {
  insertContributions,
  previewContributions,
  type ActorId,
  type Executor,
  type ResultsContext,
  type ResultsInputIssue,
} from '@prozesswerkstatt/storage';
import type { ImportIssue, ImportIssueCode } from '@prozesswerkstatt/participation-import';
import type { BadRow, ReadImport } from './read-import.js';

/** A row an earlier import (or an earlier row of this file) already holds. */
export interface DuplicateLine {
  line: number;
  sourceRef: string;
  /** True when it is stored already; false when it repeats an earlier row of this file. */
  stored: boolean;
}

export interface ImportPreview {
  dataRows: number;
  /** Rows that would be created. */
  create: number;
  duplicates: DuplicateLine[];
  /** Rows the reader or storage refuses, in line order. */
  bad: BadRow[];
  warnings: ImportIssue[];
  unmatchedSubjects: number;
}

/** Storage's issue codes (zod's) as the reader's, so one wording serves both. */
const CODE_OF: Record<string, ImportIssueCode> = {
  too_big: 'too_long',
  too_small: 'missing',
  invalid_type: 'invalid_type',
  invalid_format: 'invalid_format',
};

/** A storage issue of row `line` as a reader issue (field: the first part of its path). */
export function storageIssue(issue: ResultsInputIssue, line: number): ImportIssue {
  return {
    code: CODE_OF[issue.code] ?? 'invalid_value',
    severity: 'error',
    line,
    field: issue.path.split('.')[0] || 'text',
    message: issue.message,
  };
}

/** The reader's bad rows and storage's, merged by line. */
function allBadRows(read: ReadImport, issues: readonly ResultsInputIssue[]): BadRow[] {
  const byLine = new Map<number, ImportIssue[]>();
  for (const row of read.bad) byLine.set(row.line, [...row.issues]);
  for (const issue of issues) {
    const line = read.lines[issue.index ?? -1] ?? 0;
    byLine.set(line, [...(byLine.get(line) ?? []), storageIssue(issue, line)]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, rowIssues]) => ({ line, issues: rowIssues }));
}

/** Checks `read` against plan `planId`; writes nothing. */
export async function previewImport(
  db: Executor,
  planId: string,
  read: ReadImport,
): Promise<ImportPreview & { invalidIndexes: Set<number> }> {
  const preview = await previewContributions(db, planId, read.rows);
  return {
    dataRows: read.dataRows,
    create: preview.create.length,
    duplicates: preview.duplicates.map((duplicate) => ({
      line: read.lines[duplicate.index] ?? 0,
      sourceRef: duplicate.sourceRef,
      stored: duplicate.existingId !== null,
    })),
    bad: allBadRows(read, preview.issues),
    warnings: read.warnings,
    unmatchedSubjects: read.unmatchedSubjects,
    invalidIndexes: new Set(preview.issues.map((issue) => issue.index ?? -1)),
  };
}

export type ConfirmOutcome =
  | { ok: true; created: number; duplicates: number; skipped: number }
  /** The file has another number of bad rows than the person acknowledged: nothing written. */
  | { ok: false; bad: BadRow[] };

/**
 * Imports the good rows of `read` when `acknowledgedBad` equals the number of bad rows.
 * `onWrite(done, total)` reports the insert's progress.
 */
export async function confirmImport(
  ctx: ResultsContext,
  planId: string,
  read: ReadImport,
  actor: ActorId,
  acknowledgedBad: number,
  onWrite?: (done: number, total: number) => void,
): Promise<ConfirmOutcome> {
  const preview = await previewImport(ctx.db, planId, read);
  if (preview.bad.length !== acknowledgedBad) return { ok: false, bad: preview.bad };
  const rows = read.rows.filter((_, index) => !preview.invalidIndexes.has(index));
  const result = await insertContributions(ctx, planId, rows, actor, {
    ...(onWrite && { onProgress: onWrite }),
  });
  return {
    ok: true,
    created: result.createdIds.length,
    duplicates: result.duplicates.length,
    skipped: preview.bad.length,
  };
}
