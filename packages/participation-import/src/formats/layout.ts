/** What a contribution format tells the reader: how to recognize its header and read a row. */
import type { ContributionChannel, ImportedContribution } from '../contribution.js';
import type { FieldColumns } from '../contribution-check.js';
import type { RowReader, TableHeader } from '../table.js';

/** The contribution formats this package reads. */
export const CONTRIBUTION_FORMATS = [
  'generic',
  'adhocracy',
  'decidim-proposals',
  'decidim-comments',
] as const;
export type ContributionFormat = (typeof CONTRIBUTION_FORMATS)[number];

/** Values the caller supplies for rows that have none (e.g. the phase chosen in the dialog). */
export interface ContributionDefaults {
  /** Channel of rows without one (default `platform` for platform exports, else required). */
  channel?: ContributionChannel;
  /** Source system of rows without one ("mein.berlin" for an adhocracy export, …). */
  sourceSystem?: string;
  /** Phase or format reference of rows without one. */
  subjectRef?: string;
}

/** What every row reader gets besides the row. */
export interface ReadContext {
  defaults: ContributionDefaults;
  /** Preferred languages for multilingual columns (`title/de`), first wins; default de, en. */
  locales: readonly string[];
}

/** A column the format cannot do without: its field and the headers that name it. */
export interface RequiredColumn {
  field: string;
  /** The headers that name it (the first is the one reported as missing). */
  names: readonly string[];
  /** Overrides the check by `names` (for column families like `body/<locale>`). */
  present?: (header: TableHeader) => boolean;
  /** Not required when the caller gives this default (e.g. a channel for the whole file). */
  unlessDefault?: keyof ContributionDefaults;
}

/** A row read into a contribution, with the column each field came from. */
export interface ReadRow {
  value: ImportedContribution;
  columns: FieldColumns;
}

/** One contribution format of a table-shaped file. */
export interface ContributionLayout {
  format: ContributionFormat;
  /** True when `header` looks like this format (for `format: 'auto'`). */
  matches(header: TableHeader): boolean;
  /** Columns whose absence makes the file unusable. */
  required: readonly RequiredColumn[];
  /** Reads one row; records problems on `row` (the caller drops rows with errors). */
  read(row: RowReader, context: ReadContext): ReadRow;
}

/**
 * The value of a multilingual column family (`title/de`, `title/en`, `title/machine_translations/…`)
 * in the first preferred language present, else the first non-empty one; with the column used.
 */
export function localized(
  row: RowReader,
  base: string,
  locales: readonly string[],
): { value: string; column: string } | null {
  const plain = row.cell([base]);
  if (plain && plain.value.trim() !== '') return plain;
  const family = row.header
    .withPrefix(`${base}/`)
    .filter((entry) => !entry.rest.startsWith('machine'));
  for (const locale of locales) {
    const hit = family.find((entry) => entry.rest === locale);
    if (hit && row.at(hit.index).trim() !== '')
      return { value: row.at(hit.index), column: hit.column };
  }
  for (const entry of family) {
    if (row.at(entry.index).trim() !== '')
      return { value: row.at(entry.index), column: entry.column };
  }
  return plain;
}
