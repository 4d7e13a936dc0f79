/**
 * Export and import in the browser: DOCX and Markdown downloads from the export page (parsed
 * here), the print view as a PDF (text extracted with pdf.js), JSON export then import as a new
 * plan with equal content, and refused imports that create nothing. axe on every new page.
 *
 * "Equal" after an import: the canonical JSON of both plans is the same except `meta.status`
 * (an import starts as draft), `meta.createdAt`/`meta.updatedAt` (it is a new plan) and
 * `meta.title` (marked as an import). Record ids are kept, so everything else must match byte for
 * byte.
 */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openBoard } from './board-helpers.js';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { countPlans, recordSignOff, tamperWithVersion } from './helpers/database.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
}

/** A plan with two stakeholders, a phase with a format and a goal, made on the board. */
async function planOnBoard(page: Page, title: string): Promise<string> {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, title, 'Bezirksamt Neukölln');
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Kiezrat Körnerpark');
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Grünflächenamt');
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Workshop');
  await page.getByRole('button', { name: 'Format hinzufügen zu: Workshop' }).click();
  await page.keyboard.type('Kiezspaziergang');
  await page.getByLabel('Methode').fill('Spaziergang');
  await page.getByRole('checkbox', { name: 'Kiezrat Körnerpark' }).check();
  await page.getByRole('textbox', { name: 'Ziele', exact: true }).click();
  await page.keyboard.type('Mehr Schatten für alle');
  // Everything the collab-server acknowledged is stored: wait until the export sees it all.
  const expected = [
    'Kiezrat Körnerpark',
    'Grünflächenamt',
    'Spaziergang',
    'Mehr Schatten für alle',
  ];
  await expect
    .poll(
      async () => {
        const stored = await (await page.request.get(`/plans/${planId}/export/json`)).text();
        return expected.filter((text) => !stored.includes(text));
      },
      { timeout: 10_000 },
    )
    .toEqual([]);
  return planId;
}

/** Clicks a download button on the export page and returns the file the browser saved. */
async function downloadVia(
  page: Page,
  button: string,
): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

/** The visible text of a DOCX (its main part), paragraph by paragraph. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .join('\n');
}

/** The text of every page of a PDF. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

test('exports DOCX and Markdown from the export page, and prints the plan to a PDF', async ({
  page,
}) => {
  const title = `Spielplatz Körnerpark ${Date.now().toString(36)}`;
  const planId = await planOnBoard(page, title);

  await page
    .getByRole('navigation', { name: 'Zu diesem Plan' })
    .getByRole('link', { name: 'Exportieren' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Exportieren: ${title}`);
  await expectNoAxeViolations(page);

  const docx = await downloadVia(page, 'Word-Dokument herunterladen');
  expect(docx.download.suggestedFilename()).toMatch(/^Spielplatz Körnerpark .+\.docx$/);
  const text = await docxText(docx.bytes);
  expect(text.split('\n')[0]).toBe(title);
  expect(text).toContain('Kiezrat Körnerpark');
  expect(text).toContain('Grünflächenamt');
  expect(text).toContain('Kiezspaziergang');
  expect(text).toContain('Mehr Schatten für alle');
  await expect(page.getByRole('status')).toHaveText(/Word-Dokument wurde heruntergeladen/);
  // The button keeps the keyboard focus through the download.
  await expect(page.getByRole('button', { name: 'Word-Dokument herunterladen' })).toBeFocused();

  const md = await downloadVia(page, 'Markdown herunterladen');
  const markdown = md.bytes.toString('utf8');
  expect(markdown.startsWith(`# ${title}\n`)).toBe(true);
  expect(markdown).toContain('| Kiezrat Körnerpark | Sonstige |');

  await page.getByRole('link', { name: 'Druckansicht öffnen' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/print$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // One outline: the print view has the Markdown's headings, at the same levels, in order.
  const markdownHeadings = markdown
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => `${line.indexOf(' ')} ${line.replace(/^#+ /, '').replace(/\\(.)/g, '$1')}`);
  const printHeadings = await page
    .locator('.print-document')
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((headings) =>
      headings.map((h) => `${h.tagName.slice(1)} ${(h as HTMLElement).innerText.trim()}`),
    );
  expect(markdownHeadings.length).toBeGreaterThan(8);
  expect(printHeadings).toEqual(markdownHeadings);
  const printButton = page.getByRole('button', { name: 'Drucken / Als PDF speichern' });
  await printButton.focus();
  await expect(printButton).toBeFocused();
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(printButton).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  const printed = await pdfText(pdf);
  expect(printed).toContain(title);
  expect(printed).toContain('Kiezrat Körnerpark');
  expect(printed).not.toContain('Drucken / Als PDF speichern');
});

test('a JSON export imported again is an equal plan; broken files create nothing', async ({
  page,
}) => {
  const title = `Radweg Sonnenallee ${Date.now().toString(36)}`;
  const planId = await planOnBoard(page, title);
  await page.goto(`/plans/${planId}/export`);
  const json = await downloadVia(page, 'JSON herunterladen');
  expect(json.download.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(json.bytes.toString('utf8'));

  await page.goto('/');
  await page.getByRole('link', { name: 'Plan aus Datei importieren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan importieren');
  await expectNoAxeViolations(page);
  const before = await countPlans(title);
  await page.getByLabel('JSON-Datei').setInputFiles(await json.download.path());
  await page.getByRole('button', { name: 'Importieren' }).click();
  await page.waitForURL(/\/plans\/(?!import$)[A-Za-z0-9_-]+$/);
  const importedId = new URL(page.url()).pathname.split('/').pop()!;
  expect(importedId).not.toBe(planId);
  expect(await countPlans(title)).toBe(before + 1);
  const imported = await (await page.request.get(`/plans/${importedId}/export/json`)).json();
  const content = (plan: { meta: Record<string, unknown> }) => {
    const { status: _s, createdAt: _c, updatedAt: _u, title: _t, ...meta } = plan.meta;
    return { ...plan, meta };
  };
  expect(content(imported)).toEqual(content(exported));
  expect(imported.meta.status).toBe('draft');
  // The copy is told apart from its source by its title, with the day of the import (Berlin).
  const today = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date());
  const importedTitle = `${title} (Import vom ${today})`;
  expect(imported.meta.title).toBe(importedTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(importedTitle);
  await page.goto('/');
  await expect(page.getByRole('link', { name: importedTitle, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

  // Refused files: each its own message, and no plan is created.
  const count = await countPlans(title);
  await page.goto('/plans/import');
  const file = page.getByLabel('JSON-Datei');
  const submit = page.getByRole('button', { name: 'Importieren' });
  const alert = page.getByRole('alert');
  const upload = async (name: string, text: string | Buffer) => {
    await file.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await submit.click();
  };

  await upload('kaputt.json', '{\n  "schemaVersion": 2,\n  "meta": \n');
  await expect(alert).toContainText('Die Datei ist kein gültiges JSON (Fehler in Zeile 4');
  await expect(alert).toBeFocused();

  const broken = structuredClone(exported);
  // A missing text field reads as empty; a missing choice is an error.
  broken.phases[0].formats[0].title = '';
  delete broken.phases[0].formats[0].mode;
  broken.stakeholders[1].power = 9;
  await upload('ungueltig.json', JSON.stringify(broken));
  await expect(alert).toContainText('Die Datei ist kein gültiger Plan. Es wurde nichts angelegt.');
  await expect(alert.getByRole('listitem')).toHaveText([
    'Beteiligte 2 „Grünflächenamt“: Einfluss (1–5) ist zu groß (höchstens 5)',
    'Phase 1 „Workshop“ › Format 1: Durchführung fehlt',
  ]);
  await expectNoAxeViolations(page);

  await upload('zukunft.json', JSON.stringify({ ...exported, schemaVersion: 99 }));
  await expect(alert).toContainText('Die Datei hat die Schemaversion 99');

  await upload('riesig.json', Buffer.alloc(6 * 1024 * 1024, 0x20));
  await expect(alert).toContainText('Die Datei ist zu groß (6 MB). Erlaubt sind höchstens 5 MB.');

  expect(await countPlans(title)).toBe(count);
});

/** Saves a version on the versions page (as a user would); returns its id. */
async function saveVersionOnPage(page: Page, planId: string, label: string): Promise<string> {
  await page.goto(`/plans/${planId}/versions`);
  await page.getByLabel('Bezeichnung').fill(label);
  await page.getByRole('button', { name: 'Version speichern' }).click();
  const row = page
    .locator('table.versions tbody tr')
    .filter({ has: page.getByRole('link', { name: label, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.getAttribute('data-version-id'))!;
}

test('a version exports with its approval record; a damaged version is refused', async ({
  page,
}) => {
  const title = `Schulweg Rixdorf ${Date.now().toString(36)}`;
  const planId = await planOnBoard(page, title);
  const canonicalJSON = await (await page.request.get(`/plans/${planId}/export/json`)).text();
  const versionId = await saveVersionOnPage(page, planId, 'Fassung für die BVV');
  await recordSignOff(versionId, [
    { email: ADMIN.email, role: 'facilitator', decision: 'approved', reason: 'Passt so' },
  ]);
  // Later edits do not change what the version exports.
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Später dazugekommen');
  await expect
    .poll(async () => (await page.request.get(`/plans/${planId}/export/json`)).text())
    .toContain('Später dazugekommen');

  await page.goto(`/plans/${planId}/export?version=${versionId}`);
  await expect(page.getByText('Sie exportieren die Version „Fassung für die BVV“')).toBeVisible();
  const docx = await downloadVia(page, 'Word-Dokument herunterladen');
  expect(docx.download.suggestedFilename()).toBe(`${title} – Fassung für die BVV.docx`);
  const text = await docxText(docx.bytes);
  const sha256 = /[0-9a-f]{64}/.exec(text)?.[0];
  expect(text).toContain('Freigaben');
  expect(text).toContain(`Prüfsumme (SHA-256): ${sha256}`);
  expect(text).toMatch(/Ada Admin\nProzessbegleitung\nfreigegeben\n.+\nPasst so/);
  expect(text).not.toContain('Später dazugekommen');
  const json = await (
    await page.request.get(`/plans/${planId}/export/json?version=${versionId}`)
  ).text();
  expect(json).toBe(canonicalJSON);

  await page.getByRole('link', { name: 'Druckansicht öffnen' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/print\\?version=${versionId}$`));
  await expectNoAxeViolations(page);
  const printed = await pdfText(await page.pdf({ format: 'A4' }));
  expect(printed).toContain('Fassung für die BVV');
  expect(printed).toContain('Passt so');

  // Before its board is drawn (and without JavaScript) the version page shows the same outline.
  const versionPage = await (
    await page.request.get(`/plans/${planId}/versions/${versionId}`)
  ).text();
  expect(versionPage).toMatch(/<h2[^>]*id="pv-plan"[^>]*>(?:<!--[^>]*-->|[^<])*Schulweg Rixdorf/);
  expect(versionPage).toContain('id="pv-stakeholders"');
  expect(versionPage).toContain('Kiezrat Körnerpark');
  expect(versionPage).not.toContain('Später dazugekommen');

  // Every download and the print view are in the plan's activity log.
  await page.goto(`/plans/${planId}/activity`);
  await expect(
    page.getByText(`${ADMIN.name} hat „Fassung für die BVV“ exportiert (Word-Dokument)`),
  ).toBeVisible();
  await expect(
    page.getByText(`${ADMIN.name} hat „Fassung für die BVV“ exportiert (Druckansicht)`),
  ).toBeVisible();
  await expect(
    page.getByText(`${ADMIN.name} hat den aktuellen Stand exportiert (JSON)`).first(),
  ).toBeVisible();

  const damagedId = await saveVersionOnPage(page, planId, 'Beschädigt');
  await tamperWithVersion(damagedId);
  for (const path of ['export/docx', 'export/json', 'print']) {
    const response = await page.request.get(`/plans/${planId}/${path}?version=${damagedId}`);
    expect(response.status(), path).toBe(409);
    expect(await response.text(), path).toContain('passt nicht zu ihrer Prüfsumme (SHA-256)');
  }
  const unknown = await page.request.get(`/plans/${planId}/export/md?version=v-elsewhere`);
  expect(unknown.status()).toBe(404);
});

test('viewers may export and print; non-members get 404; only facilitators import', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(
    page,
    `Vertraulich ${Date.now().toString(36)}`,
    'Bezirksamt',
  );
  const link = await inviteOverHttp(page, planId, 'viewer');

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signUpOverHttp(viewer, newAccount('viewer'));
  await acceptInviteOverHttp(viewer, link);
  for (const path of ['export', 'export/md', 'export/docx', 'export/json', 'print']) {
    expect((await viewer.request.get(`/plans/${planId}/${path}`)).status(), path).toBe(200);
  }
  const md = await viewer.request.get(`/plans/${planId}/export/md`);
  expect(md.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  expect(md.headers()['content-disposition']).toMatch(
    /^attachment; filename="vertraulich-[a-z0-9]+\.md"; filename\*=UTF-8''Vertraulich%20/,
  );
  expect(md.headers()['cache-control']).toBe('private, no-store');
  expect(await md.text()).toContain('## Überblick');
  const english = await (await viewer.request.get(`/en/plans/${planId}/export/md`)).text();
  expect(english).toContain('## Overview');
  expect(english).toContain('- **Requesting unit:** Bezirksamt');
  const forbidden = await viewer.request.get('/plans/import');
  expect(forbidden.status()).toBe(403);
  expect(await forbidden.text()).toContain('Nur Prozessbegleiter:innen');
  expect((await viewer.request.get(`/plans/${planId}/export/pdf`)).status()).toBe(404);
  await viewerContext.close();

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUpOverHttp(stranger, newAccount('stranger'));
  for (const path of ['export', 'export/md', 'export/docx', 'export/json', 'print']) {
    expect((await stranger.request.get(`/plans/${planId}/${path}`)).status(), path).toBe(404);
  }
  await strangerContext.close();
});
