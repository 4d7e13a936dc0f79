/**
 * The preview and the outcome of an import as the browser gets them: counts, and lists cut to
 * a readable length, each issue worded in the person's language with the plan import's and the
 * participation import's catalog wording ("Zeile 8: Eingangsdatum hat ein ungültiges Format").
 */
import type { ImportIssue } from '@prozesswerkstatt/participation-import';
import { m } from '$lib/paraglide/messages.js';
import { contributionImportWords } from '$lib/server/import/contribution-import-words';
import { describeContributionIssue } from '$lib/server/import/contribution-issues';
import type { DuplicateLine, ImportPreview } from './import-outcome.js';
import { MAX_IMPORT_FILE_BYTES } from './import-options.js';
import type { BadRow } from './read-import.js';

/** Entries listed per list; the rest are counted. */
export const LISTED = 100;

export interface BadRowMessage {
  line: number;
  messages: string[];
}

/** What the preview page shows. */
export interface PreviewMessage {
  kind: 'preview';
  hash: string;
  format: string;
  dataRows: number;
  create: number;
  duplicates: { count: number; stored: number; list: DuplicateLine[] };
  bad: { count: number; list: BadRowMessage[] };
  warnings: { count: number; list: string[] };
  unmatchedSubjects: number;
}

/** One issue in words; a file too large gets its own sentence. */
export function describeIssue(issue: ImportIssue): string {
  if (issue.code === 'too_big' && issue.line === null) {
    return m.results_import_error_too_large({
      megabytes: String(Math.round(MAX_IMPORT_FILE_BYTES / 1024 / 1024)),
    });
  }
  return describeContributionIssue(issue, contributionImportWords());
}

export function badRowMessages(bad: readonly BadRow[]): BadRowMessage[] {
  return bad.slice(0, LISTED).map((row) => ({
    line: row.line,
    messages: row.issues.map(describeIssue),
  }));
}

export function previewMessage(
  preview: ImportPreview,
  hash: string,
  format: string,
): PreviewMessage {
  return {
    kind: 'preview',
    hash,
    format,
    dataRows: preview.dataRows,
    create: preview.create,
    duplicates: {
      count: preview.duplicates.length,
      stored: preview.duplicates.filter((duplicate) => duplicate.stored).length,
      list: preview.duplicates.slice(0, LISTED),
    },
    bad: { count: preview.bad.length, list: badRowMessages(preview.bad) },
    warnings: {
      count: preview.warnings.length,
      list: preview.warnings.slice(0, LISTED).map(describeIssue),
    },
    unmatchedSubjects: preview.unmatchedSubjects,
  };
}
