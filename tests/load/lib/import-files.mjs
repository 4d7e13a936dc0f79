// Files of N contributions in the layouts the participation import reads, for the import-rows
// bench: our generic CSV and XLSX (written by participation-import itself), the mein.berlin /
// adhocracy+ ideas export (XLSX, German headers, shared strings as adhocracy4's xlsxwriter
// writes them, HTML descriptions, dates as "05.03.2024 10:15") and Decidim's proposals export
// (CSV with `;`, a UTF-8 BOM, flattened `title/de` columns, HTML bodies). Each streams to disk,
// so writing a 100,000-row file holds no more than one row.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { writeGenericCsv, writeGenericXlsx } from '@prozesswerkstatt/participation-import';

/** The layouts, and the file type the reader is told for each. */
export const IMPORT_LAYOUTS = /** @type {const} */ ({
  'generic-csv': 'csv',
  'generic-xlsx': 'xlsx',
  'meinberlin-xlsx': 'xlsx',
  'decidim-csv': 'csv',
});

const WORDS = ['Radweg', 'Spielplatz', 'Bäume', 'Lärm', 'Beleuchtung', 'Bänke', 'Tempo 30', 'Müll'];

/**
 * About `chars` characters of text for row `i` (deterministic).
 *
 * @param {number} i
 * @param {number} chars
 */
export function benchText(i, chars) {
  let text = `Beitrag ${i}: `;
  for (let w = i; text.length < chars; w += 3) text += `${WORDS[w % WORDS.length]} `;
  return text.trim();
}

/**
 * The i-th contribution in the generic layout (as participation-import reads it).
 *
 * @param {number} i
 * @param {number} chars
 */
export function genericContribution(i, chars) {
  return {
    channel: i % 3 === 0 ? 'letter' : 'workshop',
    sourceSystem: 'Bench',
    sourceRef: `B-${i}`,
    receivedAt: '2024-03-05',
    authorKind: 'person',
    pseudonym: `Person ${i % 97}`,
    authorName: null,
    authorContact: null,
    contactConsent: false,
    cosignerCount: i % 5,
    subjectRef: 'Phase 1',
    title: `Titel ${i}`,
    text: benchText(i, chars),
    labels: [WORDS[i % WORDS.length]],
    sourceUrl: null,
    status: null,
    response: null,
    reason: null,
    inReplyTo: null,
    metrics: {},
  };
}

/**
 * @param {number} rows
 * @param {number} chars
 */
function* genericRows(rows, chars) {
  for (let i = 1; i <= rows; i += 1) yield genericContribution(i, chars);
}

const MEIN_BERLIN_HEADER = [
  'Referenznr.',
  'Link',
  'Titel',
  'Beschreibung',
  'Kategorie',
  'Merkmale',
  'Positive Bewertungen',
  'Negative Bewertungen',
  'Anzahl Kommentare',
  'Bearbeitungsstatus',
  'Rückmeldung',
  'Urheber*in',
  'Erstellt',
];
const MEIN_BERLIN_STATUS = ['', 'wird geprüft', 'in Planung', 'wird nicht umgesetzt'];

/**
 * @param {string} path
 * @param {number} rows
 * @param {number} chars
 */
async function writeMeinBerlinXlsx(path, rows, chars) {
  const out = createWriteStream(path);
  const finished = once(out, 'finish');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Ideen');
  sheet.addRow(MEIN_BERLIN_HEADER).commit();
  for (let i = 1; i <= rows; i += 1) {
    const ref = `2024-${String(i).padStart(5, '0')}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    sheet
      .addRow([
        ref,
        `https://mein.berlin.de/ideas/${ref}/`,
        `Idee ${i}`,
        `<p>${benchText(i, chars)}</p>`,
        WORDS[i % WORDS.length],
        WORDS[(i + 1) % WORDS.length],
        i % 13,
        i % 3,
        i % 7,
        MEIN_BERLIN_STATUS[i % MEIN_BERLIN_STATUS.length],
        '',
        `nutzer${i % 997}`,
        `${day}.03.2024 10:15`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
}

const DECIDIM_HEADER = [
  'id',
  'author/id',
  'author/name',
  'title/de',
  'body/de',
  'state',
  'reference',
  'answer/de',
  'votes',
  'comments',
  'published_at',
  'url',
  'coauthorships_count',
  'category/name/de',
];
const DECIDIM_STATES = ['', 'evaluating', 'accepted', 'rejected'];

/** @param {string} value */
function csvCell(value) {
  return /[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * @param {string} path
 * @param {number} rows
 * @param {number} chars
 */
async function writeDecidimCsv(path, rows, chars) {
  const out = createWriteStream(path);
  out.write(`\uFEFF${DECIDIM_HEADER.join(';')}\n`);
  for (let i = 1; i <= rows; i += 1) {
    const state = DECIDIM_STATES[i % DECIDIM_STATES.length];
    const line = [
      String(i),
      String(i % 997),
      `Person ${i % 997}`,
      `Vorschlag ${i}`,
      `<p>${benchText(i, chars)}</p>`,
      state,
      `DEC-PROP-2024-03-${i}`,
      state === 'accepted' ? '<p>Wird umgesetzt.</p>' : '',
      String(i % 40),
      String(i % 6),
      '2024-03-05 10:15:00 +0100',
      `https://decidim.example/processes/p/f/3/proposals/${i}`,
      '1',
      WORDS[i % WORDS.length],
    ]
      .map(csvCell)
      .join(';');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Writes `rows` contributions of about `chars` characters in `layout` to `path`.
 *
 * @param {keyof typeof IMPORT_LAYOUTS} layout
 * @param {string} path
 * @param {number} rows
 * @param {number} chars
 */
export async function writeImportFile(layout, path, rows, chars) {
  switch (layout) {
    case 'generic-csv':
      return writeGenericCsv(genericRows(rows, chars), createWriteStream(path));
    case 'generic-xlsx':
      return writeGenericXlsx(genericRows(rows, chars), createWriteStream(path));
    case 'meinberlin-xlsx':
      return writeMeinBerlinXlsx(path, rows, chars);
    case 'decidim-csv':
      return writeDecidimCsv(path, rows, chars);
    default:
      throw new Error(`unknown layout "${layout}" (known: ${Object.keys(IMPORT_LAYOUTS)})`);
  }
}
