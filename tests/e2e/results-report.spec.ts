/**
 * Measures and the results report (issue #18, items 4 and 5): the facilitator creates a measure,
 * adds a milestone and links the contribution behind it with the keyboard; a viewer's open
 * measures page shows each change live. An accountability CSV with a bad row is refused with its
 * line, a good one previewed and imported. The report page (the public edition) lists a decision
 * with its reason once released; its DOCX and the weighing table's XLSX parse and hold the
 * decision, and no author's name or e-mail address. axe on the measures page (both roles) and the
 * report.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { ADMIN, login, newAccount, registerUser } from './helpers/accounts.js';
import { acceptInvite, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';
import { releaseSeededAnswers, seedAnsweredContributions } from './helpers/results.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AUTHOR = 'Erika Mustermann';
const EMAIL = 'erika.mustermann@example.org';
const REASON = 'Der Platz an der Straße reicht für Bänke nicht.';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path()) ?? '');
}

test('a measure is made and linked live; report and weighing table carry the decisions', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await login(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Spielplatz ${Date.now().toString(36)}`, 'Amt');
  const viewerLink = await inviteOverHttp(page, planId, 'viewer');
  await seedAnsweredContributions(planId, ADMIN.email, [
    {
      authorName: AUTHOR,
      authorContact: EMAIL,
      pseudonym: 'Anwohnerin Nord',
      title: 'Schatten',
      text: `Bitte Bäume pflanzen. Gruß, ${AUTHOR} (${EMAIL})`,
      decision: 'adopted',
      reason: '',
      response: 'Wir pflanzen vier Linden.',
      theme: 'Grün',
    },
    {
      authorName: 'Max Beispiel',
      authorContact: 'max@example.org',
      pseudonym: 'Anwohner Süd',
      title: 'Bänke',
      text: 'Mehr Bänke am Rand, bitte.',
      decision: 'not_adopted',
      reason: REASON,
      response: 'Leider nicht möglich.',
      theme: 'Grün',
    },
  ]);

  // The viewer keeps the measures page open in a browser of their own.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const reader = newAccount('leser');
  await registerUser(viewer, reader);
  await acceptInvite(viewer, viewerLink);
  await viewer.goto(`/plans/${planId}/results/measures`);
  await expect(viewer.getByText('Noch keine Maßnahmen.')).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'Neue Maßnahme' })).toHaveCount(0);
  await expect(viewer.locator('section[data-live="true"]')).toHaveCount(1);

  // The facilitator creates a measure; a missing title is named at its field first.
  await page.goto(`/plans/${planId}/results/measures`);
  await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
  const title = page.locator('#new-measure-title');
  await expect(title).toBeFocused(); // the browser's own check stops the empty required field
  await title.fill('Linden pflanzen');
  await page.locator('#new-measure-status').selectOption('in_progress');
  await page.locator('#new-measure-progress').fill('140');
  await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
  await expect(page.locator('#new-measure-progress')).toHaveJSProperty('validity.valid', false);
  await page.locator('#new-measure-progress').fill('40');
  await page.locator('#new-measure-start').fill('2026-04-01');
  await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();
  const card = page.locator('article.measure');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('In Umsetzung');

  // The viewer sees it without reloading.
  const viewerCard = viewer.locator('article.measure');
  await expect(viewerCard).toContainText('Linden pflanzen');
  await expect(viewerCard).toContainText('40 %');

  // A milestone, then the contribution behind it, picked with the keyboard.
  await card.getByLabel('Meilenstein', { exact: true }).fill('Ausschreibung');
  await card.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await expect(card).toContainText('Ausschreibung');
  await card.getByRole('link', { name: 'Beiträge verknüpfen' }).click();
  const search = page.getByLabel('Beiträge suchen (Wörter aus Titel oder Text)');
  await search.fill('Bäume');
  await search.press('Enter');
  await expect(page.getByText('Treffer: 1')).toBeVisible();
  const box = page.getByRole('checkbox', { name: /Schatten/ });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ausgewählte verknüpfen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Beiträge verknüpft: 1' })).toBeVisible();
  await expect(card).toContainText('Beiträge dahinter (1)');
  await expect(viewerCard).toContainText('Beiträge dahinter (1)');
  await expect(viewerCard).toContainText('Ausschreibung');
  // Linked contributions are named by title and pseudonym, never by their author.
  expect(await viewer.content()).not.toContain(AUTHOR);
  await expectNoAxeViolations(page);
  await expectNoAxeViolations(viewer);

  // Accountability CSV: a bad row is refused with its line; nothing is written.
  const csv = (rows: string) =>
    Buffer.from(`id;title/de;status/id;progress;start_date;end_date\n${rows}`, 'utf8');
  const upload = page.getByLabel('CSV-Datei');
  await upload.setInputFiles({
    name: 'ergebnisse.csv',
    mimeType: 'text/csv',
    buffer: csv('1;Radweg;planned;10;;\n2;Bänke;planned;150;;\n'),
  });
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('alert')).toContainText('nichts wurde gespeichert');
  await expect(page.getByRole('alert')).toContainText('Zeile 3');
  await upload.setInputFiles({
    name: 'ergebnisse.csv',
    mimeType: 'text/csv',
    buffer: csv('1;Radweg;planned;10;2026-05-01;2026-09-30\n'),
  });
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByText('Vorschau: nichts ist gespeichert')).toBeVisible();
  await expect(page.locator('.preview tbody tr')).toHaveCount(1);
  await expect(card).toHaveCount(1);
  await page.getByRole('button', { name: 'Import bestätigen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Import abgeschlossen: 1 neu' }),
  ).toBeVisible();
  await expect(viewer.locator('article.measure')).toHaveCount(2);

  // The report is the public edition: it shows released answers only, so release them first.
  await page.goto(`/plans/${planId}/results/report`);
  await expect(page.getByText('Antworten freigegeben')).toBeVisible();
  await expect(page.getByText(REASON)).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveText(/^Noch nichts freigegeben/);
  await releaseSeededAnswers(planId, ADMIN.email, reader.email);

  // The report page shows the decision with its reason and the measure.
  await page.goto(`/plans/${planId}/results/report`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ergebnisbericht');
  await expect(page.getByText(REASON)).toBeVisible();
  await expect(page.getByText(/^Noch nichts freigegeben/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Linden pflanzen' })).toBeVisible();
  expect(await page.content()).not.toContain(AUTHOR);
  expect(await page.content()).not.toContain(EMAIL);
  await expectNoAxeViolations(page);

  // The report as DOCX: it opens and holds the decision, and no name or e-mail address.
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Bericht als DOCX' }).click(),
  ]);
  const zip = await JSZip.loadAsync(await bytesOf(docx));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain(REASON);
  expect(xml).toContain('Nicht übernommen');
  expect(xml).toContain('Bitte Bäume pflanzen. Gruß, […] ([…])');
  for (const personal of [AUTHOR, 'Mustermann', EMAIL, 'Max Beispiel', 'max@example.org']) {
    expect(xml).not.toContain(personal);
  }

  // The internal weighing table as XLSX: pseudonyms, decisions and reasons; no names or contacts.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Interne Fassung als XLSX' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const cells = (sheet?.getSheetValues() ?? []).flatMap((row) =>
    Array.isArray(row) ? row.map((value) => String(value ?? '')) : [],
  );
  expect(cells).toContain('Pseudonym');
  expect(cells).toContain('Anwohner Süd');
  expect(cells).toContain('Nicht übernommen');
  expect(cells).toContain(REASON);
  const all = cells.join('\n');
  for (const personal of [AUTHOR, EMAIL, 'Max Beispiel', 'max@example.org']) {
    expect(all).not.toContain(personal);
  }

  await viewerContext.close();
});
