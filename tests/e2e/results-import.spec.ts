/**
 * Importing contributions in the browser (issue #18): the facilitator (context A) imports a
 * mein.berlin ideas export (XLSX with German headers, written here with exceljs), sees the
 * preview with a duplicate of an earlier import and a bad row with its line and reason, and
 * confirms; a viewer's open inbox (context B) shows the new items live. Importing the same file
 * again finds every row already there. The generic export gives the contact to the facilitator,
 * not to the viewer. axe on the import page, empty and with the preview.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';
import { ADMIN, login, logout, newAccount, registerUser } from './helpers/accounts.js';
import { acceptInvite, createPlan, invite } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const HEADER = [
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
  'Kontakt E-Mail',
];
const CONTACT = 'anwohnerin@example.org';

/** One idea row; `created` is the "Erstellt" cell. */
function idea(ref: string, title: string, created: string, email = ''): string[] {
  return [
    ref,
    `https://mein.berlin.de/ideas/${ref}/`,
    title,
    `<p>${title}: bitte prüfen.</p>`,
    'Grünflächen',
    'Bäume',
    '4',
    '1',
    '2',
    'wird geprüft',
    '',
    `nutzer${ref}`,
    created,
    email,
  ];
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ideen');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** Chooses `file` on the import page and asks for the preview. */
async function preview(page: Page, name: string, file: Buffer): Promise<void> {
  await page.getByLabel('Datei', { exact: true }).setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await expect(page.getByLabel('Dateiart')).toHaveValue('xlsx');
  await page.getByRole('button', { name: 'Datei prüfen (Vorschau)' }).click();
  await expect(page.getByRole('heading', { name: 'Vorschau' })).toBeVisible();
}

test('a mein.berlin export is previewed, confirmed and seen live by another member', async ({
  page,
  browser,
}) => {
  // Two accounts, four uploads, three axe runs on the shared machine.
  test.setTimeout(240_000);
  await login(page, ADMIN);
  const planId = await createPlan(page, `Park ${Date.now().toString(36)}`, 'Grünflächenamt');
  const viewerLink = await invite(page, planId, 'viewer');

  // Context B: a viewer keeps the inbox open.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await registerUser(viewer, newAccount('leser'));
  await acceptInvite(viewer, viewerLink);
  await viewer.goto(`/plans/${planId}/results`);
  await expect(viewer.locator('section[data-live="true"]')).toHaveCount(1);
  await expect(viewer.getByTestId('results-total')).toHaveText('Beiträge: 0');
  await expect(viewer.getByRole('link', { name: 'Beiträge aus Datei importieren' })).toHaveCount(0);

  // Context A: from the inbox to the import page.
  await page.goto(`/plans/${planId}/results`);
  await page.getByRole('link', { name: 'Beiträge aus Datei importieren' }).click();
  await page.waitForURL(`**/plans/${planId}/results/import`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Beiträge importieren');
  await expectNoAxeViolations(page);

  // An earlier import of idea 101.
  await preview(page, 'erster-export.xlsx', await xlsx([idea('101', 'Mehr Bäume', '2026-10-01')]));
  await expect(page.getByTestId('import-create')).toHaveText('Neu anzulegen: 1 Beiträge');
  await page.getByRole('button', { name: 'Import bestätigen: 1 Beiträge anlegen' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 Beiträge angelegt');
  await expect(viewer.getByTestId('results-total')).toHaveText('Beiträge: 1');

  // The full export: 101 again, two new ideas and one with an impossible date in between.
  const file = await xlsx([
    idea('101', 'Mehr Bäume', '2026-10-01'),
    idea('102', 'Wasserspielplatz', '2026-10-02', CONTACT),
    idea('103', 'Kaputtes Datum', '31.02.2026'),
    idea('104', 'Sitzbänke', '2026-10-04'),
  ]);
  await preview(page, 'ideen.xlsx', file);
  await expect(page.getByTestId('import-create')).toHaveText('Neu anzulegen: 2 Beiträge');
  await expect(page.getByTestId('import-duplicates')).toHaveText(
    'Bereits vorhanden: 1 (davon 1 aus einem früheren Import)',
  );
  const duplicates = page.getByTestId('import-duplicate-rows').locator('tbody tr');
  await expect(duplicates).toHaveCount(1);
  await expect(duplicates).toContainText('101');
  await expect(duplicates).toContainText('früherem Import');
  const bad = page.getByTestId('import-bad-rows').locator('tbody tr');
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td').first()).toHaveText('4');
  await expect(bad).toContainText('Zeile 4: Erstellt hat ein ungültiges Format');
  await expect(page.getByTestId('import-rows-read')).toHaveText('4 Zeilen geprüft');
  await expect(page.locator('#import-upload-progress')).toHaveAttribute(
    'value',
    String(file.byteLength),
  );
  // Nothing written yet: the other member still sees one.
  await expect(viewer.getByTestId('results-total')).toHaveText('Beiträge: 1');
  const confirm = page.getByRole('button', { name: 'Import bestätigen: 2 Beiträge anlegen' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel('Die 1 fehlerhaften Zeilen auslassen und die übrigen importieren').check();
  await expectNoAxeViolations(page);
  await confirm.click();
  await expect(page.getByTestId('import-done')).toHaveText(
    /2 Beiträge angelegt, 1 bereits vorhandene übersprungen, 1 fehlerhafte Zeilen ausgelassen/,
  );

  // Context B sees them without reloading.
  await expect(viewer.getByTestId('results-total')).toHaveText('Beiträge: 3');
  await expect(viewer.locator('tbody tr')).toHaveCount(3);
  await expect(viewer.locator('tbody')).toContainText('Wasserspielplatz');

  // The same file again: everything is there already; nothing to confirm.
  await preview(page, 'ideen.xlsx', file);
  await expect(page.getByTestId('import-create')).toHaveText('Neu anzulegen: 0 Beiträge');
  await expect(page.getByTestId('import-duplicates')).toHaveText(
    'Bereits vorhanden: 3 (davon 3 aus einem früheren Import)',
  );
  await expect(page.getByText('Die Datei enthält keine neuen Beiträge.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Import bestätigen: 0 Beiträge anlegen' }),
  ).toBeDisabled();

  // The generic export both ways: the contact for the facilitator only.
  const own = await page.request.get(`/plans/${planId}/results/export/csv`);
  expect(own.status()).toBe(200);
  const ownCsv = await own.text();
  expect(ownCsv.split('\r\n')[0]).toContain('Kanal;Quellsystem;Quellreferenz');
  expect(ownCsv).toContain(CONTACT);
  expect(ownCsv.split('\r\n').filter((line) => line.includes('mein.berlin'))).toHaveLength(3);
  const theirs = await viewer.request.get(`/plans/${planId}/results/export/xlsx`);
  expect(theirs.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  // exceljs's typing wants Node's older `Buffer` shape; the bytes are the same.
  const body = await theirs.body();
  await workbook.xlsx.load(new Uint8Array(body).buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(4);
  const cells = sheet.getSheetValues().flat().map(String);
  expect(cells).toContain('Wasserspielplatz');
  expect(cells.join(' ')).not.toContain(CONTACT);

  await logout(page);
  await viewerContext.close();
});
