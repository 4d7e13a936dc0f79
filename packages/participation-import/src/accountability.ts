/**
 * Measures in Decidim's accountability CSV, both ways. The columns are those Decidim's
 * `ResultsCsvImporter` reads (decidim-accountability/app/services/…/results_csv_importer.rb):
 * `id`, `parent/id`, `title/<locale>`, `description/<locale>`, `start_date`, `end_date`,
 * `status/id`, `progress`, `proposal_urls`, plus `external_id` and `weight` of the result form;
 * `;`-separated (`Decidim.default_csv_col_sep`). Decidim's serializer joins `proposal_urls` with
 * ", " while its importer splits on ";"; both are read, ";" is written. Parents may come after
 * their children in the file: the caller links `parentRef` once all rows are read.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ImportedMeasure } from './contribution.js';
import { ImportFileError, fileIssue } from './issues.js';
import { ProgressMeter, type ProgressListener, type FileChunks } from './progress.js';
import type { RowResult } from './read-contributions.js';
import { readCsvRows, type CsvDelimiter } from './sources/csv-rows.js';
import { isBlankRow } from './sources/sheet-row.js';
import { RowReader, TableHeader, escapeFormula } from './table.js';
import { lineText, multilineText, parseDay, parseDecimal } from './values.js';

/** Bounds of a measure's fields (characters, except progress in percent). */
export const MEASURE_LIMITS = { title: 500, description: 20_000, reference: 500, proposals: 1_000 };

/** Options of {@link readMeasures}. */
export interface ReadMeasuresOptions {
  delimiter?: CsvDelimiter | 'auto';
  onProgress?: ProgressListener;
  totalBytes?: number;
  progressEveryRows?: number;
  /** The most rows accepted (default 50,000). */
  maxRows?: number;
}

/** Reads one row of the accountability CSV. */
function readMeasure(row: RowReader): ImportedMeasure | null {
  const title: Record<string, string> = {};
  const description: Record<string, string> = {};
  for (const { rest, index, column } of row.header.withPrefix('title/')) {
    const text = lineText(row.at(index));
    if (text === '') continue;
    if (text.length > MEASURE_LIMITS.title) {
      row.error('too_long', 'title', `${column} is too long`, {
        column,
        limit: MEASURE_LIMITS.title,
      });
    }
    title[rest] = text;
  }
  for (const { rest, index, column } of row.header.withPrefix('description/')) {
    const text = multilineText(row.at(index));
    if (text === '') continue;
    if (text.length > MEASURE_LIMITS.description) {
      row.error('too_long', 'description', `${column} is too long`, {
        column,
        limit: MEASURE_LIMITS.description,
      });
    }
    description[rest] = text;
  }
  if (Object.keys(title).length === 0) row.error('missing', 'title', 'the measure has no title');

  const dayOf = (name: string): string | null => {
    const cell = row.cell([name]);
    if (!cell) return null;
    const parsed = parseDay(cell.value);
    if (parsed.ok) return parsed.value;
    row.badValue(parsed.code, name, cell.column, cell.value);
    return null;
  };
  const startDate = dayOf('start_date');
  const endDate = dayOf('end_date');
  if (startDate && endDate && endDate < startDate) {
    row.error('invalid_value', 'end_date', 'the end date is before the start date', {
      column: row.cell(['end_date'])?.column ?? 'end_date',
    });
  }

  const numberOf = (name: string): number | null => {
    const cell = row.cell([name]);
    if (!cell) return null;
    const parsed = parseDecimal(cell.value);
    if (parsed.ok) return parsed.value;
    row.badValue(parsed.code, name, cell.column, cell.value);
    return null;
  };
  const progress = numberOf('progress');
  if (progress !== null && (progress < 0 || progress > 100)) {
    row.error(progress < 0 ? 'too_small' : 'too_big', 'progress', 'progress is not 0–100', {
      column: 'progress',
      limit: progress < 0 ? 0 : 100,
      value: String(progress),
    });
  }
  const weight = numberOf('weight');
  const ref = (name: string): string | null => {
    const text = lineText(row.text([name]));
    if (text.length > MEASURE_LIMITS.reference) {
      row.error('too_long', name, `${name} is too long`, {
        column: name,
        limit: MEASURE_LIMITS.reference,
      });
    }
    return text === '' ? null : text;
  };
  const proposalRefs = [
    ...new Set(
      row
        .text(['proposal_urls'])
        .split(/[;,\s]+/)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
  if (proposalRefs.length > MEASURE_LIMITS.proposals) {
    row.error('too_big', 'proposal_urls', 'too many proposals', {
      column: 'proposal_urls',
      limit: MEASURE_LIMITS.proposals,
    });
  }
  const measure: ImportedMeasure = {
    ref: ref('id'),
    parentRef: ref('parent/id'),
    title,
    description,
    startDate,
    endDate,
    statusRef: ref('status/id'),
    progress,
    proposalRefs,
    externalId: ref('external_id'),
    weight,
  };
  if (measure.ref !== null && measure.ref === measure.parentRef) {
    row.error('invalid_value', 'parent/id', 'a measure cannot be its own parent', {
      column: 'parent/id',
    });
  }
  return row.hasErrors() ? null : measure;
}

/** The measures of an accountability CSV, one result per non-empty row. */
export async function* readMeasures(
  input: FileChunks,
  options: ReadMeasuresOptions = {},
): AsyncGenerator<RowResult<ImportedMeasure>> {
  const meter = new ProgressMeter(
    options.onProgress,
    options.totalBytes ?? null,
    options.progressEveryRows,
  );
  const maxRows = options.maxRows ?? 50_000;
  let header: TableHeader | null = null;
  let rows = 0;
  const seen = new Map<string, number>();
  for await (const { line, cells } of readCsvRows(input, meter, {
    delimiter: options.delimiter ?? 'auto',
  })) {
    if (isBlankRow(cells)) continue;
    if (header === null) {
      header = new TableHeader(
        cells.map((cell) => cell.trim()),
        line,
      );
      if (header.withPrefix('title/').length === 0) {
        throw new ImportFileError(
          fileIssue('missing_column', 'the column "title/<locale>" is missing', {
            line,
            field: 'title',
            column: 'title/<locale>',
          }),
        );
      }
      continue;
    }
    rows += 1;
    if (rows > maxRows) {
      throw new ImportFileError(
        fileIssue('too_many_rows', `more than ${maxRows} rows`, { limit: maxRows }),
      );
    }
    meter.addRow();
    const row = new RowReader(header, line, cells);
    const measure = readMeasure(row);
    if (measure?.ref) {
      const first = seen.get(measure.ref);
      if (first !== undefined) {
        row.error('duplicate_in_file', 'id', `the same id as line ${first}`, {
          column: 'id',
          firstLine: first,
        });
      } else {
        seen.set(measure.ref, line);
      }
    }
    yield { line, value: row.hasErrors() ? null : measure, issues: row.issues };
  }
  if (header === null) throw new ImportFileError(fileIssue('empty_file', 'the file is empty'));
  meter.finish();
}

/** Options of {@link writeAccountabilityCsv}. */
export interface WriteMeasuresOptions {
  /** Locales of the `title/…` and `description/…` columns (default `['de', 'en']`). */
  locales?: readonly string[];
}

/** The accountability CSV's header for `locales`. */
export function accountabilityHeader(locales: readonly string[]): string[] {
  return [
    'id',
    'parent/id',
    ...locales.map((locale) => `title/${locale}`),
    ...locales.map((locale) => `description/${locale}`),
    'start_date',
    'end_date',
    'status/id',
    'progress',
    'proposal_urls',
    'external_id',
    'weight',
  ];
}

/** Writes measures as Decidim's accountability CSV (`;`, UTF-8 with BOM) to `out` and ends it. */
export async function writeAccountabilityCsv(
  measures: AsyncIterable<ImportedMeasure> | Iterable<ImportedMeasure>,
  out: Writable,
  options: WriteMeasuresOptions = {},
): Promise<void> {
  const locales = options.locales ?? ['de', 'en'];
  const stringifier = stringify({
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  const piped = (async () => {
    for await (const chunk of stringifier) {
      if (!out.write(chunk as string)) await once(out, 'drain');
    }
  })();
  const feed = async (cells: string[]) => {
    if (!stringifier.write(cells.map(escapeFormula))) await once(stringifier, 'drain');
  };
  await feed(accountabilityHeader(locales));
  for await (const m of measures) {
    await feed([
      m.ref ?? '',
      m.parentRef ?? '',
      ...locales.map((locale) => m.title[locale] ?? ''),
      ...locales.map((locale) => m.description[locale] ?? ''),
      m.startDate ?? '',
      m.endDate ?? '',
      m.statusRef ?? '',
      m.progress === null ? '' : String(m.progress),
      m.proposalRefs.join(';'),
      m.externalId ?? '',
      m.weight === null ? '' : String(m.weight),
    ]);
  }
  stringifier.end();
  await piped;
  out.end();
  await once(out, 'finish');
}
