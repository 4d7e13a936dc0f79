/**
 * Rows of the first worksheet of an XLSX file, streamed with exceljs's WorkbookReader. Cells
 * become text: dates as `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm:ss` when they have a time), rich
 * text and hyperlinks as their text, formulas as their result. Memory: rows stream one by one,
 * but exceljs keeps the workbook's shared-string table (every distinct text of the file) while it
 * reads; files this package writes use inline strings and need no table.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError, fileIssue } from '../issues.js';
import { countedBytes, type ProgressMeter, type FileChunks } from '../progress.js';
import type { SheetRow } from './sheet-row.js';

/** The text of one cell value as exceljs gives it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell['richText'])) {
      return (cell['richText'] as { text?: unknown }[])
        .map((part) => (typeof part.text === 'string' ? part.text : ''))
        .join('');
    }
    if ('result' in cell) return cellText(cell['result']);
    if (typeof cell['text'] === 'string') return cell['text'];
    if ('error' in cell) return '';
  }
  return '';
}

/**
 * An Excel date as text. Excel dates have no time zone: exceljs gives the wall-clock time as if
 * it were UTC, so the UTC fields are the ones written in the sheet.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** The file's rows (first worksheet), header included; blank rows are passed on. */
export async function* readXlsxRows(
  input: FileChunks,
  meter: ProgressMeter,
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(countedBytes(input, meter)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      for await (const row of worksheet) {
        // Only the first sheet holds data; the others are read to the end and dropped.
        if (sheets > 1) continue;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
        yield { line: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(fileIssue('unreadable_file', `XLSX cannot be read: ${message}`));
  }
  if (sheets === 0) throw new ImportFileError(fileIssue('empty_file', 'the workbook has no sheet'));
}
