/**
 * Problems found while reading a file. Like plan-model's `PlanIssue`, each has a `code` the app
 * words per language and an English `message` for logs; a row issue also says the line (CSV: the
 * line the record starts on, counting the header as 1; XLSX: the sheet row; JSON: the line the
 * entry starts on) and the column as the file names it.
 */
import type { PlanIssueCode } from '@prozesswerkstatt/plan-model';

/**
 * The plan import's codes that fit rows too (`missing`, `invalid_type`, `too_long`, `too_big`,
 * `too_small`, `invalid_value`, `invalid_format`), plus what only files have:
 * - `duplicate_in_file`: the same source reference appeared on an earlier line (`firstLine`);
 * - `unknown_status`: a status the mapping does not know (a warning: the row is kept);
 * - `missing_column`: a column the format needs is not in the header (file-level);
 * - `unknown_layout`: the header matches none of the known formats (file-level);
 * - `unreadable_file`: not a CSV/XLSX/JSON file, or broken (e.g. a quote never closed);
 * - `not_utf8`: a CSV or JSON file in another encoding (Excel's "CSV" is Windows-1252);
 * - `empty_file`: no header or no rows;
 * - `too_many_rows`: more rows than the caller allows (`limit`).
 */
export type ImportIssueCode =
  | Extract<
      PlanIssueCode,
      | 'missing'
      | 'invalid_type'
      | 'too_long'
      | 'too_big'
      | 'too_small'
      | 'invalid_value'
      | 'invalid_format'
    >
  | 'duplicate_in_file'
  | 'unknown_status'
  | 'missing_column'
  | 'unknown_layout'
  | 'unreadable_file'
  | 'not_utf8'
  | 'empty_file'
  | 'too_many_rows';

/** How bad an issue is: an error drops the row (or the file); a warning keeps it. */
export type IssueSeverity = 'error' | 'warning';

/** One problem, where it is and why. */
export interface ImportIssue {
  code: ImportIssueCode;
  severity: IssueSeverity;
  /** 1-based line or sheet row; null for the file as a whole. */
  line: number | null;
  /** The normalized field (`text`, `receivedAt`, …) the problem is about, if any. */
  field?: string;
  /** The column header as written in the file, if the problem is about one column. */
  column?: string;
  /** The bound of a `too_long`/`too_big`/`too_small`/`too_many_rows` issue. */
  limit?: number;
  /** The offending value, shortened to 80 characters (never for personal-data columns). */
  value?: string;
  /** For `duplicate_in_file`: the line of the first occurrence. */
  firstLine?: number;
  /** What is wrong, in English (the app words it by `code`). */
  message: string;
}

/** Thrown when a whole file cannot be read; the rows read so far are not to be stored. */
export class ImportFileError extends Error {
  readonly issue: ImportIssue;

  constructor(issue: ImportIssue) {
    super(`participation import: ${issue.message}`);
    this.name = 'ImportFileError';
    this.issue = issue;
  }
}

/** A file-level issue (error severity, no line unless given). */
export function fileIssue(
  code: ImportIssueCode,
  message: string,
  extra: Partial<ImportIssue> = {},
): ImportIssue {
  return { code, severity: 'error', line: null, message, ...extra };
}

/** `value` cut to 80 characters for an issue. */
export function excerpt(value: string): string {
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}
