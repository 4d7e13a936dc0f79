/**
 * Rows of a CSV file, streamed through csv-parse: UTF-8 (a BOM is dropped), `;` unless the header
 * line says otherwise (`,` or tab; Decidim installations differ), quoted fields may hold line
 * breaks and `;`. Memory stays bounded: one record at a time, at most `maxRecordChars` long.
 */
import { Readable, pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { ImportFileError, fileIssue } from '../issues.js';
import { countedBytes, type ProgressMeter, type FileChunks } from '../progress.js';
import type { SheetRow } from './sheet-row.js';

/** Field separators the reader recognizes. */
export type CsvDelimiter = ';' | ',' | '\t';

/** Options of {@link readCsvRows}. */
export interface CsvReadOptions {
  /** The separator; `auto` (default) picks the most frequent of `;`, `,`, tab in the first line. */
  delimiter?: CsvDelimiter | 'auto';
  /**
   * The longest record in characters (default 1,000,000). A quote that is never closed would
   * otherwise swallow the rest of the file into one field.
   */
  maxRecordChars?: number;
}

/** Bytes of the file looked at to choose the separator. */
const SNIFF_BYTES = 64 * 1024;

/** Text of the input, decoded as UTF-8 with the BOM dropped; invalid UTF-8 is a file error. */
async function* utf8Text(input: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  try {
    for await (const chunk of input) {
      const text = decoder.decode(chunk, { stream: true });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch (error) {
    if (error instanceof TypeError) {
      throw new ImportFileError(
        fileIssue('not_utf8', `the file is not UTF-8 text (near line ${lines})`, { line: lines }),
      );
    }
    throw error;
  }
}

/** The separator used most often outside quotes in `headerLine`; `;` on a tie or none. */
export function sniffDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char] += 1;
  }
  if (counts[','] > counts[';'] && counts[','] >= counts['\t']) return ',';
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return ';';
}

/** Splits off enough text to see the first line, so the separator can be chosen. */
async function firstLineAndRest(
  text: AsyncIterator<string>,
): Promise<{ head: string; done: boolean }> {
  let head = '';
  while (head.length < SNIFF_BYTES && !head.includes('\n')) {
    const next = await text.next();
    if (next.done) return { head, done: true };
    head += next.value;
  }
  return { head, done: false };
}

/**
 * The file's rows, header included, each with the line it starts on. Rows whose cells are all
 * empty are passed on (the caller skips them) so line numbers stay those of the file.
 */
export async function* readCsvRows(
  input: FileChunks,
  meter: ProgressMeter,
  options: CsvReadOptions = {},
): AsyncGenerator<SheetRow> {
  const text = utf8Text(countedBytes(input, meter))[Symbol.asyncIterator]();
  const { head, done } = await firstLineAndRest(text);
  const delimiter =
    !options.delimiter || options.delimiter === 'auto'
      ? sniffDelimiter(head.split('\n', 1)[0] ?? '')
      : options.delimiter;

  async function* all(): AsyncGenerator<string> {
    if (head !== '') yield head;
    if (done) return;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }

  const parser = parse({
    delimiter,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // A broken record (a quote never closed) is reported as `skip` after the good records were
    // emitted, instead of failing the stream and losing them and their line count.
    skip_records_with_error: true,
    max_record_size: options.maxRecordChars ?? 1_000_000,
  });
  let failure: unknown = null;
  let skipped: unknown = null;
  parser.on('skip', (error: unknown) => {
    skipped ??= error;
  });
  pipeline(Readable.from(all()), parser, (error) => {
    failure = error ?? null;
  });

  // Line numbers come from each record's raw text: the empty lines skipped before it, then its
  // own line breaks (quoted ones included). csv-parse's own line count takes a quoted CR LF for
  // two lines, so it is not used.
  let nextLine = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{
      record: string[];
      raw: string;
    }>) {
      const leading = /^(?:\r\n|\r|\n)*/.exec(raw)![0];
      const line = nextLine + countBreaks(leading);
      nextLine += countBreaks(raw);
      yield { line, cells: record };
    }
  } catch (error) {
    throw asFileError(error ?? failure, nextLine);
  }
  // The lines of the records read before a broken one are counted, so `nextLine` is where it
  // starts (an unclosed quote, the usual case, runs to the end of the file).
  if (failure || skipped) throw asFileError(failure ?? skipped, nextLine);
}

/** Line breaks in `text`, CR LF counted once. */
function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10) count += 1;
    else if (char === 13) {
      count += 1;
      if (text.charCodeAt(i + 1) === 10) i += 1;
    }
  }
  return count;
}

/** A reading failure as the file error the caller reports. */
function asFileError(error: unknown, line: number): unknown {
  if (error instanceof ImportFileError) return error;
  if (error instanceof CsvError) {
    // The record that failed starts at `line` (an unclosed quote opens there).
    return new ImportFileError(
      fileIssue('unreadable_file', `CSV cannot be read from line ${line} on: ${error.message}`, {
        line,
      }),
    );
  }
  return error;
}
