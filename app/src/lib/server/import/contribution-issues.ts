/**
 * Words a participation-import issue for people: "Zeile 8: Eingangsdatum hat ein ungültiges
 * Format (z. B. Datum)". The column is named as the file names it (the user sees that header in
 * their spreadsheet), else by the field's label. The words come in as
 * {@link ContributionImportWords}, so this stays testable without the catalog.
 */
import type { ImportIssue, ImportIssueCode } from '@prozesswerkstatt/participation-import';

/** The words of contribution-import messages in one language. */
export interface ContributionImportWords {
  /** "Zeile 8". */
  line: (line: number) => string;
  /** "Datei" (an issue without a line). */
  file: string;
  /** The label of a normalized field (`receivedOn` → "Eingangsdatum"); unknown keys as they are. */
  field: (key: string) => string;
  /** Stands in for the field when the issue names none. */
  theEntry: string;
  /** The problem in words; `field` is the column or field label. */
  problem: (code: ImportIssueCode, field: string, issue: ImportIssue) => string;
  /** "{place}: {problem}". */
  issue: (place: string, problem: string) => string;
}

/** "Place: problem" for one issue. */
export function describeContributionIssue(
  issue: ImportIssue,
  words: ContributionImportWords,
): string {
  const field = issue.column ?? (issue.field ? words.field(issue.field) : words.theEntry);
  const place = issue.line === null ? words.file : words.line(issue.line);
  return words.issue(place, words.problem(issue.code, field, issue));
}

/** One readable line per issue, in the order given. */
export function describeContributionIssues(
  issues: readonly ImportIssue[],
  words: ContributionImportWords,
): string[] {
  return issues.map((issue) => describeContributionIssue(issue, words));
}
