/** Test helpers: feed text in small chunks, gather a reader's results. */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportIssue } from '../issues.js';
import type { RowResult } from '../read-contributions.js';

/** `text` (or bytes) as UTF-8 chunks of `size` bytes, so multi-byte characters straddle chunks. */
export async function* chunked(text: string | Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** All results of a reader, the good values and every issue. */
export async function collect<T>(rows: AsyncIterable<RowResult<T>>) {
  const results: RowResult<T>[] = [];
  for await (const row of rows) results.push(row);
  return {
    results,
    values: results.flatMap((row) => (row.value === null ? [] : [row.value])),
    issues: results.flatMap((row): ImportIssue[] => row.issues),
  };
}

/** A writable that keeps what is written, for writer tests. */
export function memorySink(): { sink: Writable; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      parts.push(Buffer.from(chunk));
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(parts) };
}

/** An XLSX file with one sheet holding `rows` (first row the header), as exceljs writes it. */
export async function xlsxOf(
  rows: readonly (readonly unknown[])[],
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
