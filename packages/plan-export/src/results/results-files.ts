/**
 * The results report and the weighing table as files. DOCX and Markdown go through the outline
 * renderers every plan document uses; the XLSX writes the weighing outline's one table, so the
 * spreadsheet and the Word table hold the same cells.
 */
import ExcelJS from 'exceljs';
import { sectionsToDocx } from '../docx.js';
import { outlineToMarkdown } from '../markdown.js';
import { resultsReportOutline } from './report-outline.js';
import type { ResultsReportInput, ResultsReportLabels, WeighingAudience } from './report-input.js';
import { weighingTable, weighingTableOutline } from './weighing-outline.js';

/** The report as Markdown. */
export function resultsReportToMarkdown(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
): string {
  return outlineToMarkdown(resultsReportOutline(input, labels));
}

/** The report as a Word document. */
export function resultsReportToDocx(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
): Promise<Uint8Array<ArrayBuffer>> {
  const sections = resultsReportOutline(input, labels);
  return sectionsToDocx(sections, { title: sections[0]?.heading ?? labels.untitled });
}

/** The weighing table as a Word document, in landscape for its seven columns. */
export function weighingTableToDocx(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
  audience: WeighingAudience,
): Promise<Uint8Array<ArrayBuffer>> {
  const sections = weighingTableOutline(input, labels, audience);
  return sectionsToDocx(sections, {
    title: sections[0]?.heading ?? labels.untitled,
    landscape: true,
  });
}

/** Column widths of the XLSX in characters, by header position; long texts wrap. */
const NARROW = 8;
const MEDIUM = 22;
const WIDE = 60;

/**
 * The weighing table as one XLSX sheet: the header row (bold, frozen, with a filter) and one
 * row per contribution. Cells are written as text, so a statement starting with "=" stays a
 * statement and never becomes a formula.
 */
export async function weighingTableToXlsx(
  input: ResultsReportInput,
  labels: ResultsReportLabels,
  audience: WeighingAudience,
): Promise<Uint8Array<ArrayBuffer>> {
  const table = weighingTable(input, labels, audience);
  const workbook = new ExcelJS.Workbook();
  workbook.title = labels.weighingTitle(input.planTitle.trim() || labels.untitled);
  workbook.created = new Date(input.generatedAt);
  const sheet = workbook.addWorksheet(sheetName(labels.weighingSheet), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const wide = new Set([labels.statement, labels.response, labels.reason]);
  sheet.columns = table.header.map((header, index) => ({
    header,
    width: index === 0 ? NARROW : wide.has(header) ? WIDE : MEDIUM,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row);
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A valid sheet name: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}
