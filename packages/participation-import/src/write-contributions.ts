/**
 * Writes contributions in the generic format, streaming: CSV (UTF-8 with BOM so Excel opens it
 * as UTF-8, `;`, CRLF, fields quoted when needed, formula-like cells prefixed with `'`) through
 * csv-stringify, or XLSX (inline strings, one sheet) through exceljs's WorkbookWriter. The rows
 * can be an async iterable straight from a database cursor; memory holds one row at a time.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ImportedContribution } from './contribution.js';
import { GENERIC_COLUMNS, genericHeader } from './formats/generic.js';
import { escapeFormula } from './table.js';
import {
  AUTHOR_KIND_WORDS,
  CHANNEL_WORDS,
  DECISION_WORDS,
  wordFor,
  type FileLanguage,
} from './vocabulary.js';

/** Options of the generic writers. */
export interface WriteGenericOptions {
  /** Language of headers and of channel/author-kind/decision words (default `de`). */
  language?: FileLanguage;
}

/** A contribution as the generic format's cells, in column order. */
export function genericCells(row: ImportedContribution, language: FileLanguage): string[] {
  const byKey: Record<(typeof GENERIC_COLUMNS)[number]['key'], string> = {
    channel: wordFor(CHANNEL_WORDS, row.channel, language),
    source_system: row.sourceSystem ?? '',
    source_reference: row.sourceRef ?? '',
    received_on: row.receivedAt ?? '',
    author_kind: wordFor(AUTHOR_KIND_WORDS, row.authorKind, language),
    pseudonym: row.pseudonym ?? '',
    author_name: row.authorName ?? '',
    contact: row.authorContact ?? '',
    contact_consent: row.contactConsent
      ? language === 'de'
        ? 'ja'
        : 'yes'
      : language === 'de'
        ? 'nein'
        : 'no',
    co_signers: String(row.cosignerCount),
    subject: row.subjectRef ?? '',
    title: row.title ?? '',
    text: row.text,
    labels: row.labels.join('; '),
    url: row.sourceUrl ?? '',
    in_reply_to: row.inReplyTo ?? '',
    decision: row.status?.decision ? wordFor(DECISION_WORDS, row.status.decision, language) : '',
    response: row.response ?? '',
    reason: row.reason ?? '',
  };
  return GENERIC_COLUMNS.map((column) => byKey[column.key]);
}

/** Writes `chunk`, waiting for `drain` when the stream's buffer is full. */
async function write(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes the rows as generic CSV to `out` and ends it. */
export async function writeGenericCsv(
  rows: AsyncIterable<ImportedContribution> | Iterable<ImportedContribution>,
  out: Writable,
  options: WriteGenericOptions = {},
): Promise<void> {
  const language = options.language ?? 'de';
  const stringifier = stringify({
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  const piped = (async () => {
    for await (const chunk of stringifier) await write(out, chunk as string);
  })();
  const feed = async (cells: string[]) => {
    if (!stringifier.write(cells.map(escapeFormula))) await once(stringifier, 'drain');
  };
  await feed(genericHeader(language));
  for await (const row of rows) await feed(genericCells(row, language));
  stringifier.end();
  await piped;
  out.end();
  await once(out, 'finish');
}

/** Writes the rows as a generic XLSX workbook (sheet "Beiträge"/"Contributions") to `out`. */
export async function writeGenericXlsx(
  rows: AsyncIterable<ImportedContribution> | Iterable<ImportedContribution>,
  out: Writable,
  options: WriteGenericOptions = {},
): Promise<void> {
  const language = options.language ?? 'de';
  const finished = once(out, 'finish');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(language === 'de' ? 'Beiträge' : 'Contributions', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const header = sheet.addRow(genericHeader(language));
  header.font = { bold: true };
  header.commit();
  for await (const row of rows) sheet.addRow(genericCells(row, language)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
}
