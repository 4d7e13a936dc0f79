import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { REPORT_INPUT, REPORT_LABELS } from './report-fixtures.js';
import {
  resultsReportToDocx,
  resultsReportToMarkdown,
  weighingTableToDocx,
  weighingTableToXlsx,
} from './results-files.js';

async function documentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('results files', () => {
  it('writes the report as Markdown and DOCX from the same outline', async () => {
    const md = resultsReportToMarkdown(REPORT_INPUT, REPORT_LABELS);
    expect(md).toContain('# Ergebnisbericht: Spielplatz Nord');
    expect(md).toContain('Der Platz reicht nicht.');
    const xml = await documentXml(await resultsReportToDocx(REPORT_INPUT, REPORT_LABELS));
    expect(xml).toContain('Der Platz reicht nicht.');
    expect(xml).toContain('Linden pflanzen');
    expect(xml).not.toContain('Beitrag-A1');
  });

  it('writes the weighing table as landscape DOCX and as XLSX with the same cells', async () => {
    const xml = await documentXml(
      await weighingTableToDocx(REPORT_INPUT, REPORT_LABELS, 'internal'),
    );
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Beitrag-A1');

    const workbook = new ExcelJS.Workbook();
    const bytes = await weighingTableToXlsx(
      { ...REPORT_INPUT, contributions: [{ ...REPORT_INPUT.contributions[1]!, text: '=1+1' }] },
      REPORT_LABELS,
      'public',
    );
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet('Abwägung');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Nr.',
      'Eingang',
      'Bezug',
      'Stellungnahme',
      'Antwort',
      'Entscheidung',
      'Begründung',
    ]);
    // A statement that looks like a formula stays text.
    expect(sheet?.getRow(2).getCell(4).value).toBe('=1+1');
    expect(sheet?.getRow(2).getCell(6).value).toBe('Nicht berücksichtigt');
    expect(sheet?.getRow(2).getCell(7).value).toBe('Der Platz reicht nicht.');
  });
});
