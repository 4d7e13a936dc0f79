/**
 * Participation results from first file to public answer (issue #18, its end-to-end test), in two
 * facilitators' browsers (A and B) and one anonymous one, every step through the UI:
 * A imports a mein.berlin ideas export (XLSX, German headers) and enters a letter by hand while
 * B's inbox follows live; A accepts a suggested theme (B's inbox shows it); A groups the two
 * duplicate ideas and answers them once while B watches the cluster page; the release is blocked
 * by the unanswered letter, which A answers on its page while B watches that page; A requests,
 * B signs off. Without login, the public page and the receipt code show the answer without the
 * writers' names or e-mail addresses; the report's DOCX and the weighing table's XLSX parse and
 * carry the decisions. axe on every view visited.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { submitAction } from './helpers/form-actions.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';
import { accountIdOf, contributionByText } from './helpers/result-items.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The adhocracy+ / mein.berlin ideas export's German header row (as the importer's tests). */
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
const IDEA_EMAIL = 'baumfreund@example.org';
const IDEAS = [
  ['201', 'Mehr Bäume in der Turmstraße', 'Bitte pflanzen Sie Bäume in der Turmstraße.'],
  ['202', 'Bäume für die Turmstraße', 'Die Turmstraße braucht Bäume für Schatten.'],
] as const;
const LETTER_NAME = 'Erika Mustermann';
const LETTER_EMAIL = 'erika.mustermann@example.org';
const LETTER_TITLE = 'Bank am Spielplatz';
const LETTER = 'Eine Bank am Rand des Spielplatzes wäre schön für die Großeltern.';
const CLUSTER_REASON = 'Unter dem Gehweg liegen Leitungen; wir pflanzen im Nachbarblock.';
const LETTER_ANSWER = 'Wir stellen im Frühjahr zwei Bänke an der Ostseite auf.';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** The two ideas as the mein.berlin export writes them, the first with a contact address. */
async function meinBerlinExport(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ideen');
  sheet.addRow(HEADER);
  for (const [index, [ref, title, text]] of IDEAS.entries()) {
    sheet.addRow([
      ref,
      `https://mein.berlin.de/ideas/${ref}/`,
      title,
      `<p>${text}</p>`,
      'Grünflächen',
      'Bäume',
      '5',
      '0',
      '1',
      'wird geprüft',
      '',
      `nutzer${ref}`,
      `2026-10-0${index + 1}`,
      index === 0 ? IDEA_EMAIL : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path()) ?? '');
}

/** Every personal detail the story puts in; none may reach a public page. */
const PERSONAL = [LETTER_NAME, 'Mustermann', LETTER_EMAIL, IDEA_EMAIL];

function expectNoPersonalData(html: string): void {
  for (const personal of PERSONAL) expect(html).not.toContain(personal);
}

test('from a mein.berlin file and a letter to released answers, in two browsers', async ({
  page,
  browser,
}) => {
  // Three browsers, some thirty page loads and a dozen axe runs on the shared machine.
  test.setTimeout(480_000);
  const a = page;
  await signInOverHttp(a, ADMIN);
  const planId = await createPlanOverHttp(a, `Turmstraße ${Date.now().toString(36)}`, 'SGA');
  const results = `/plans/${planId}/results`;
  // B: a second facilitator (invited as editor, then given the role on the members page).
  const link = await inviteOverHttp(a, planId, 'editor');
  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  const accountB = newAccount('zweite-begleitung');
  await signUpOverHttp(b, accountB);
  await acceptInviteOverHttp(b, link);
  await submitAction(a.request, `/plans/${planId}/members?/changeRole`, {
    userId: await accountIdOf(accountB.email),
    role: 'facilitator',
  });

  // ---- B keeps the inbox open ----------------------------------------------------------------
  await b.goto(results);
  await expect(b.locator('section[data-live="true"]')).toHaveCount(1);
  await expect(b.getByTestId('results-total')).toHaveText('Beiträge: 0');
  await expectNoAxeViolations(b);

  // ---- A imports the mein.berlin export: preview, then confirm ------------------------------
  await a.goto(results);
  await a.getByRole('link', { name: 'Beiträge aus Datei importieren' }).click();
  await a.waitForURL(`**${results}/import`);
  await a.getByLabel('Datei', { exact: true }).setInputFiles({
    name: 'mein-berlin-ideen.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await meinBerlinExport(),
  });
  await a.getByRole('button', { name: 'Datei prüfen (Vorschau)' }).click();
  await expect(a.getByRole('heading', { name: 'Vorschau' })).toBeVisible();
  await expect(a.getByTestId('import-create')).toHaveText('Neu anzulegen: 2 Beiträge');
  await expectNoAxeViolations(a);
  await a.getByRole('button', { name: 'Import bestätigen: 2 Beiträge anlegen' }).click();
  await expect(a.getByTestId('import-done')).toContainText('2 Beiträge angelegt');
  await expect(b.getByTestId('results-total')).toHaveText('Beiträge: 2');

  // ---- A enters a letter by hand and gets its receipt code ----------------------------------
  await a.goto(results);
  await a.getByLabel('Eingangsweg').first().selectOption('letter');
  await a.getByLabel('Eingangsdatum').fill('2026-11-30');
  await a.getByLabel('Art der Absendenden').selectOption('person');
  await a.getByLabel('Pseudonym').fill('Großmutter vom Spielplatz');
  await a.getByLabel('Name', { exact: true }).fill(LETTER_NAME);
  await a.getByLabel('Anschrift oder Kontakt').fill(LETTER_EMAIL);
  await a.getByLabel('Betreff').fill(LETTER_TITLE);
  await a.getByLabel('Text des Beitrags').fill(LETTER);
  await a.getByRole('button', { name: 'Beitrag speichern' }).click();
  const code = a.getByTestId('receipt-code');
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  const receiptCode = (await code.textContent()) ?? '';
  await expectNoAxeViolations(a);
  // B's inbox: three items, the letter without its writer's name.
  await expect(b.getByTestId('results-total')).toHaveText('Beiträge: 3');
  await expect(b.locator('tbody tr', { hasText: LETTER_TITLE })).toContainText('Brief');

  // ---- A accepts a suggested theme; B's inbox shows it accepted -----------------------------
  await a.getByRole('link', { name: 'Themen', exact: true }).click();
  await a.getByLabel('Name des Themas').fill('Stadtbäume');
  await a.getByRole('button', { name: 'Thema anlegen' }).click();
  await expect(a.getByRole('status').filter({ hasText: '„Stadtbäume“ angelegt' })).toBeVisible();
  await a.getByRole('button', { name: 'Themen vorschlagen' }).click();
  await expect(a.getByTestId('suggest-summary')).toContainText('Untersucht: 3 Beiträge');
  const suggestion = a.locator('li[data-suggestion]', { hasText: IDEAS[0][1] });
  await expect(suggestion).toContainText('Stadtbäume');
  await expect(suggestion).toContainText('vorgeschlagen');
  await expectNoAxeViolations(a);
  const bThemes = b.locator('tbody tr', { hasText: IDEAS[0][1] }).getByTestId('row-themes');
  await expect(bThemes).toContainText('Stadtbäume (vorgeschlagen)');
  await suggestion.getByRole('button', { name: /^Annehmen/ }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Vorschlag angenommen' })).toBeVisible();
  await expect(bThemes).toHaveText(/Stadtbäume/);
  await expect(bThemes).not.toContainText('vorgeschlagen');

  // ---- A groups the two duplicate ideas; B opens the cluster; A answers once -----------------
  await a.goto(results);
  for (const [, title] of IDEAS) {
    await a.getByRole('checkbox', { name: `„${title}“ auswählen` }).check();
  }
  await a.getByLabel('Name der neuen Gruppe (freiwillig)').fill('Bäume Turmstraße');
  await a.getByRole('button', { name: 'Markierte als Duplikate gruppieren' }).click();
  await a.waitForURL(/\/results\/clusters\/[\w-]+$/);
  await b.goto(a.url());
  await expect(b.locator('div[data-live="true"]')).toHaveCount(1);
  await expect(b.getByTestId('member-decision')).toHaveText([
    'Noch keine Entscheidung',
    'Noch keine Entscheidung',
  ]);
  await a.getByLabel('Entscheidung', { exact: true }).selectOption('not_adopted');
  await a.getByLabel(/^Begründung/).fill(CLUSTER_REASON);
  await a.getByLabel('Antworttext').fill('Danke für die Idee; hier geht es leider nicht.');
  await a.getByRole('button', { name: 'Antwort für alle speichern' }).click();
  await expect(a.getByText('Die Antwort ist bei 2 Beiträgen gespeichert.')).toBeVisible();
  await expectNoAxeViolations(a);
  // B's cluster page follows without a reload.
  await expect(b.getByTestId('member-decision')).toHaveText([
    'Nicht übernommen',
    'Nicht übernommen',
  ]);
  await expect(b.getByTestId('current-reason')).toHaveText(CLUSTER_REASON);
  await expectNoAxeViolations(b);

  // ---- The release is blocked by the unanswered letter --------------------------------------
  await a.goto(`${results}/overview`);
  await expect(a.getByTestId('release-readiness')).toContainText('1 ohne Entscheidung');
  await a.getByRole('button', { name: 'Freigabe beantragen' }).click();
  await expect(a.getByRole('alert')).toContainText(
    'Die Freigabe ist blockiert: 1 Beiträge ohne Entscheidung, 0 Beiträge ohne Begründung.',
  );
  await expectNoAxeViolations(a);
  const letter = await contributionByText(planId, LETTER);
  const missing = a.getByTestId('gap-without-decision').getByRole('link', { name: LETTER_TITLE });
  await expect(missing).toHaveAttribute('href', `${results}/${letter.id}`);

  // ---- A answers the letter on its page while B watches the same page -----------------------
  await b.goto(`${results}/${letter.id}`);
  await expect(b.locator('div[data-live="true"]')).toHaveCount(1);
  await expect(b.getByTestId('current-reply')).toHaveText('Noch keine Antwort.');
  await missing.click();
  await a.waitForURL(`**${results}/${letter.id}`);
  await a.getByLabel('Entscheidung', { exact: true }).selectOption('adopted');
  await a.getByLabel('Antworttext').fill(LETTER_ANSWER);
  await a.getByRole('button', { name: 'Antwort speichern' }).click();
  await expect(a.getByText('Die Antwort ist gespeichert.')).toBeVisible();
  await expectNoAxeViolations(a);
  await expect(b.getByTestId('current-decision')).toContainText('Übernommen');
  await expect(b.getByTestId('current-response')).toHaveText(LETTER_ANSWER);
  await expectNoAxeViolations(b);

  // ---- A requests the release, B signs it off ------------------------------------------------
  await b.goto(`${results}/overview`);
  await expect(b.locator('section[data-live="true"]')).toHaveCount(1);
  await a.goto(`${results}/overview`);
  await expect(a.getByTestId('release-readiness')).toHaveText(
    'Alle Beiträge haben eine Entscheidung und, wo nötig, eine Begründung.',
  );
  await a.getByRole('button', { name: 'Freigabe beantragen' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Freigabe beantragt.' })).toBeVisible();
  await expect(a.getByRole('button', { name: 'Abzeichnen und veröffentlichen' })).toHaveCount(0);
  const signOff = b.getByRole('button', { name: 'Abzeichnen und veröffentlichen' });
  await expect(signOff).toBeVisible();
  await signOff.click();
  await expect(b.getByRole('status').filter({ hasText: 'Freigegeben: 3 Antworten' })).toBeVisible();
  await expect(b.getByTestId('release-history')).toContainText(accountB.name);
  await expectNoAxeViolations(b);
  await bContext.close();

  // ---- Anyone, without login: the public page and the receipt code --------------------------
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  expect((await anonymous.goto(`/p/${planId}/results`))?.status()).toBe(200);
  await expect(anonymous.getByTestId('public-total')).toHaveText('Veröffentlichte Antworten: 3');
  const letterAnswer = anonymous.locator(`#answer-${letter.id}`);
  await expect(letterAnswer).toContainText('Übernommen');
  await expect(letterAnswer).toContainText(LETTER_ANSWER);
  await expect(anonymous.getByText(CLUSTER_REASON)).toHaveCount(2);
  expectNoPersonalData(await anonymous.content());
  await expectNoAxeViolations(anonymous);
  await anonymous.getByRole('link', { name: /mit dem Eingangscode finden/ }).click();
  await anonymous.getByLabel('Eingangscode').fill(receiptCode);
  await anonymous.getByRole('button', { name: 'Antwort anzeigen' }).click();
  const own = anonymous.getByRole('region', { name: /Ihr Beitrag zum Verfahren/ });
  await expect(own).toContainText(LETTER_TITLE);
  await expect(own).toContainText('Übernommen');
  await expect(own).toContainText(LETTER_ANSWER);
  expectNoPersonalData(await anonymous.content());
  await expectNoAxeViolations(anonymous);
  await anonymousContext.close();

  // ---- The report as DOCX and the weighing table as XLSX carry the decisions ----------------
  await a.goto(`${results}/report`);
  await expect(a.getByRole('heading', { level: 1 })).toContainText('Ergebnisbericht');
  await expectNoAxeViolations(a);
  const [docx] = await Promise.all([
    a.waitForEvent('download'),
    a.getByRole('link', { name: 'Bericht als DOCX' }).click(),
  ]);
  const zip = await JSZip.loadAsync(await bytesOf(docx));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain('Nicht übernommen');
  expect(xml).toContain(CLUSTER_REASON);
  expect(xml).toContain('Übernommen');
  expect(xml).toContain(LETTER_ANSWER);
  expectNoPersonalData(xml);
  const [xlsx] = await Promise.all([
    a.waitForEvent('download'),
    a.getByRole('link', { name: 'Interne Fassung als XLSX' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
  const cells = (workbook.worksheets[0]?.getSheetValues() ?? []).flatMap((row) =>
    Array.isArray(row) ? row.map((value) => String(value ?? '')) : [],
  );
  expect(cells).toContain('Großmutter vom Spielplatz');
  expect(cells).toContain('Übernommen');
  expect(cells.filter((cell) => cell === 'Nicht übernommen')).toHaveLength(2);
  expect(cells).toContain(CLUSTER_REASON);
  expectNoPersonalData(cells.join('\n'));
});
