/**
 * Reads contributions from a file, row by row, as an async generator: each row comes out as a
 * contribution (possibly with warnings) or as its issues, with its line. Nothing is buffered
 * beyond one row and the set of source references seen (to flag duplicates within the file), so
 * a caller can validate a 100,000-row file for the preview and, after the user confirms, read it
 * again and insert in batches. A file that cannot be read at all throws {@link ImportFileError}.
 */
import type { ImportedContribution } from './contribution.js';
import { checkContribution } from './contribution-check.js';
import { adhocracyLayout } from './formats/adhocracy.js';
import {
  decidimCommentsLayout,
  decidimProposalsLayout,
  flattenDecidim,
} from './formats/decidim.js';
import { genericLayout, hasGenericColumn } from './formats/generic.js';
import type {
  ContributionDefaults,
  ContributionFormat,
  ContributionLayout,
  ReadContext,
} from './formats/layout.js';
import { ImportFileError, fileIssue, type ImportIssue } from './issues.js';
import { ProgressMeter, type ProgressListener, type FileChunks } from './progress.js';
import { readCsvRows, type CsvDelimiter } from './sources/csv-rows.js';
import { readJsonEntries } from './sources/json-entries.js';
import { isBlankRow, type SheetRow } from './sources/sheet-row.js';
import { readXlsxRows } from './sources/xlsx-rows.js';
import { RowReader, TableHeader } from './table.js';

/** The kinds of file read. */
export type FileType = 'csv' | 'xlsx' | 'json';

/** Options of {@link readContributions}. */
export interface ReadContributionsOptions {
  fileType: FileType;
  /** The layout; `auto` (default) recognizes it from the header (JSON: from the first entry). */
  format?: ContributionFormat | 'auto';
  /** Values for rows that have none (channel, source system, phase or format). */
  defaults?: ContributionDefaults;
  /** Preferred languages of multilingual columns, first wins (default `['de', 'en']`). */
  locales?: readonly string[];
  /** CSV separator (default `auto`: `;` unless the header line uses `,` or tab). */
  delimiter?: CsvDelimiter | 'auto';
  /** The most data rows accepted (default 200,000); one more is a `too_many_rows` file error. */
  maxRows?: number;
  /** Progress reports (rows and bytes read). */
  onProgress?: ProgressListener;
  /** The file size, passed through to progress reports. */
  totalBytes?: number;
  /** Rows between progress reports (default 1000). */
  progressEveryRows?: number;
  /** Called once the header is read: the format found, the columns used and those ignored. */
  onHeader?: (header: HeaderReport) => void;
}

/** What the reader made of the header. */
export interface HeaderReport {
  format: ContributionFormat;
  /** The header's line (0 for JSON). */
  line: number;
  columns: readonly string[];
}

/** One data row: the contribution, or null when it has errors; and all its issues. */
export interface RowResult<T> {
  line: number;
  value: T | null;
  issues: ImportIssue[];
}

const LAYOUTS: readonly ContributionLayout[] = [
  decidimCommentsLayout,
  decidimProposalsLayout,
  adhocracyLayout,
  genericLayout,
];

/** The layout of `format`, or the first whose header test passes (`auto`). */
function layoutFor(format: ContributionFormat | 'auto', header: TableHeader): ContributionLayout {
  const layout =
    format === 'auto'
      ? (LAYOUTS.find((candidate) => candidate.matches(header)) ??
        (hasGenericColumn(header) ? genericLayout : undefined))
      : LAYOUTS.find((candidate) => candidate.format === format);
  if (!layout) {
    throw new ImportFileError(
      fileIssue('unknown_layout', 'the header matches none of the known formats', {
        line: header.line,
      }),
    );
  }
  return layout;
}

/** Throws `missing_column` for the first required column the header lacks. */
function requireColumns(layout: ContributionLayout, header: TableHeader, context: ReadContext) {
  for (const column of layout.required) {
    if (column.unlessDefault && context.defaults[column.unlessDefault] !== undefined) continue;
    const present = column.present ? column.present(header) : header.has(column.names);
    if (!present) {
      throw new ImportFileError(
        fileIssue('missing_column', `the column "${column.names[0]}" is missing`, {
          line: header.line,
          field: column.field,
          column: column.names[0]!,
        }),
      );
    }
  }
}

/** Tracks source references to flag a repeat within the same file. */
class ReferenceLog {
  private readonly firstLine = new Map<string, number>();

  /** Records the reference; returns the line it first appeared on if it is a repeat. */
  seen(reference: string | null, line: number): number | null {
    if (reference === null) return null;
    const first = this.firstLine.get(reference);
    if (first !== undefined) return first;
    this.firstLine.set(reference, line);
    return null;
  }
}

/** Reads and checks one row with the layout, flags repeats, and shapes the result. */
function finishRow(
  layout: ContributionLayout,
  row: RowReader,
  context: ReadContext,
  references: ReferenceLog,
): RowResult<ImportedContribution> {
  const { value, columns } = layout.read(row, context);
  checkContribution(value, row, columns);
  if (!row.hasErrors()) {
    const first = references.seen(value.sourceRef, row.line);
    if (first !== null) {
      row.error('duplicate_in_file', 'sourceRef', `the same reference as line ${first}`, {
        firstLine: first,
        ...(columns.sourceRef ? { column: columns.sourceRef } : {}),
      });
    }
  }
  return { line: row.line, value: row.hasErrors() ? null : value, issues: row.issues };
}

/**
 * The file's contributions, one result per non-empty data row, in file order. Progress counts
 * every data row; `onProgress` gets a final report after the last row.
 */
export async function* readContributions(
  input: FileChunks,
  options: ReadContributionsOptions,
): AsyncGenerator<RowResult<ImportedContribution>> {
  const meter = new ProgressMeter(
    options.onProgress,
    options.totalBytes ?? null,
    options.progressEveryRows,
  );
  const context: ReadContext = {
    defaults: options.defaults ?? {},
    locales: options.locales ?? ['de', 'en'],
  };
  const maxRows = options.maxRows ?? 200_000;
  const references = new ReferenceLog();
  let rows = 0;
  const countRow = () => {
    rows += 1;
    if (rows > maxRows) {
      throw new ImportFileError(
        fileIssue('too_many_rows', `more than ${maxRows} rows`, { limit: maxRows }),
      );
    }
    meter.addRow();
  };

  if (options.fileType === 'json') {
    let layout: ContributionLayout | null = null;
    for await (const entry of readJsonEntries(input, meter)) {
      if (entry.value === null || typeof entry.value !== 'object' || Array.isArray(entry.value)) {
        throw new ImportFileError(
          fileIssue('unreadable_file', `entry at line ${entry.line} is not an object`, {
            line: entry.line,
          }),
        );
      }
      const flat = flattenDecidim(entry.value);
      const header = new TableHeader(Object.keys(flat), entry.line);
      if (layout === null) {
        layout = layoutFor(options.format ?? 'auto', header);
        options.onHeader?.({ format: layout.format, line: 0, columns: header.columns });
      }
      requireColumns(layout, header, context);
      countRow();
      yield finishRow(
        layout,
        new RowReader(header, entry.line, Object.values(flat)),
        context,
        references,
      );
    }
    if (layout === null)
      throw new ImportFileError(fileIssue('empty_file', 'the file has no entries'));
    meter.finish();
    return;
  }

  const sheetRows: AsyncIterable<SheetRow> =
    options.fileType === 'csv'
      ? readCsvRows(input, meter, { delimiter: options.delimiter ?? 'auto' })
      : readXlsxRows(input, meter);
  let header: TableHeader | null = null;
  let layout: ContributionLayout | null = null;
  for await (const { line, cells } of sheetRows) {
    if (isBlankRow(cells)) continue;
    if (header === null || layout === null) {
      header = new TableHeader(
        cells.map((cell) => cell.trim()),
        line,
      );
      layout = layoutFor(options.format ?? 'auto', header);
      requireColumns(layout, header, context);
      options.onHeader?.({ format: layout.format, line, columns: header.columns });
      continue;
    }
    countRow();
    yield finishRow(layout, new RowReader(header, line, cells), context, references);
  }
  if (header === null) throw new ImportFileError(fileIssue('empty_file', 'the file is empty'));
  meter.finish();
}
