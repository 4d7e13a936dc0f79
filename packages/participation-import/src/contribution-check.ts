/**
 * The bounds every imported contribution must keep, whatever its format, checked in one place so
 * a row fails the same way from any file. Text is never cut to fit: a row over a bound is an error.
 */
import type { ImportedContribution } from './contribution.js';
import type { RowReader } from './table.js';

/**
 * Upper bounds of an imported contribution, in UTF-16 code units unless said otherwise: those of
 * storage's `NewContribution` (packages/storage `CONTRIBUTION_LIMITS`), so a row that passes here
 * is not refused on insert. `src/storage-alignment.test.ts` in tests/ keeps them equal.
 */
export const CONTRIBUTION_LIMITS = {
  /** The contribution text: long letters fit; they are split into parts when weighed. */
  text: 100_000,
  /** Title. */
  title: 1_000,
  /** Pseudonym (the public name). */
  pseudonym: 200,
  /** The real name. */
  authorName: 500,
  /** Source system ("mein.berlin", "Posteingang"). */
  sourceSystem: 100,
  /** Source reference, phase/format reference, reply target, one label. */
  line: 500,
  /** Contact (a postal address may take several lines). */
  contact: 1_000,
  /** The source's answer and the reason given with a decision. */
  response: 20_000,
  /** A link. */
  url: 2_000,
  /** Labels per contribution. */
  labels: 50,
  /** All labels together, joined with "; ". */
  labelsText: 10_000,
  /** Co-signers (count). */
  cosignerCount: 10_000_000,
} as const;

/** Where each field came from in the file, for issues (field → column header). */
export type FieldColumns = Partial<Record<keyof ImportedContribution, string>>;

/**
 * Records an issue for every bound `contribution` breaks and for an empty text; true when it
 * may be stored.
 */
export function checkContribution(
  contribution: ImportedContribution,
  row: RowReader,
  columns: FieldColumns,
): boolean {
  const tooLong = (field: keyof ImportedContribution, value: string | null, limit: number) => {
    if (value !== null && value.length > limit) {
      row.error('too_long', field, `${field} is longer than ${limit} characters`, {
        limit,
        ...(columns[field] ? { column: columns[field] } : {}),
      });
    }
  };
  if (contribution.text === '') {
    row.error('missing', 'text', 'the contribution has no text', {
      ...(columns.text ? { column: columns.text } : {}),
    });
  }
  tooLong('text', contribution.text, CONTRIBUTION_LIMITS.text);
  tooLong('title', contribution.title, CONTRIBUTION_LIMITS.title);
  tooLong('pseudonym', contribution.pseudonym, CONTRIBUTION_LIMITS.pseudonym);
  tooLong('authorName', contribution.authorName, CONTRIBUTION_LIMITS.authorName);
  tooLong('sourceSystem', contribution.sourceSystem, CONTRIBUTION_LIMITS.sourceSystem);
  for (const field of ['sourceRef', 'subjectRef', 'inReplyTo'] as const) {
    tooLong(field, contribution[field], CONTRIBUTION_LIMITS.line);
  }
  tooLong('authorContact', contribution.authorContact, CONTRIBUTION_LIMITS.contact);
  tooLong('response', contribution.response, CONTRIBUTION_LIMITS.response);
  tooLong('reason', contribution.reason, CONTRIBUTION_LIMITS.response);
  tooLong('sourceUrl', contribution.sourceUrl, CONTRIBUTION_LIMITS.url);
  if (contribution.labels.length > CONTRIBUTION_LIMITS.labels) {
    row.error('too_big', 'labels', `more than ${CONTRIBUTION_LIMITS.labels} labels`, {
      limit: CONTRIBUTION_LIMITS.labels,
      ...(columns.labels ? { column: columns.labels } : {}),
    });
  }
  for (const label of contribution.labels) tooLong('labels', label, CONTRIBUTION_LIMITS.line);
  // Storage keeps the labels as one text of its `sourceData` (at most 10,000 characters).
  tooLong('labels', contribution.labels.join('; '), CONTRIBUTION_LIMITS.labelsText);
  if (contribution.cosignerCount > CONTRIBUTION_LIMITS.cosignerCount) {
    row.error(
      'too_big',
      'cosignerCount',
      `more than ${CONTRIBUTION_LIMITS.cosignerCount} co-signers`,
      {
        limit: CONTRIBUTION_LIMITS.cosignerCount,
        ...(columns.cosignerCount ? { column: columns.cosignerCount } : {}),
      },
    );
  }
  return !row.hasErrors();
}
