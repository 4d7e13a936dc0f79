/**
 * Templates end to end (issue #19, part 3): a plan started from a built-in template shows the
 * template's phases on its board; a plan approved with four eyes and then used as template by the
 * other person — and by a facilitator of the network who is no member of it — carries none of the
 * source's personal data, neither on the new board nor in its JSON export; the picker is
 * keyboard-operable, accessible, German by default and English.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  listFormats,
  listResults,
  listStakeholders,
  planToJSON,
  seedSamplePlan,
  updateFormat,
  updateMeta,
  updateStakeholder,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { expect, test } from './fixtures.js';
import { guardPage, phaseTitles, waitConnected } from './board-helpers.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { acceptInviteOverHttp, inviteOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
}

/** Personal data written into the source plan; none of it may reach a plan made from it. */
const PERSONAL = {
  facilitator: 'Erika Mustermann-Quast',
  contact: 'erika.quast@bezirk.example',
  note: 'Frau Quast ist skeptisch gegenüber Online-Formaten',
  responsible: 'Max Beispielmann',
  result: 'Herr Beispielmann lobte die Begehung',
};

/** The sample plan with personal data in every personal field, as a JSON file to import. */
function planFileWithPersonalData(title: string): string {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  updateMeta(doc, { title, facilitator: PERSONAL.facilitator });
  for (const stakeholder of listStakeholders(doc)) {
    updateStakeholder(doc, stakeholder.id, { contactRole: PERSONAL.contact });
    writePlainParagraphs(stakeholder.notes, [PERSONAL.note]);
  }
  for (const format of listFormats(doc)) {
    updateFormat(doc, format.id, { responsible: PERSONAL.responsible });
  }
  for (const result of listResults(doc)) writePlainParagraphs(result.feedback, [PERSONAL.result]);
  return JSON.stringify(planToJSON(doc));
}

/** Everything a board shows: its text and the values of its fields. */
function boardContent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('input, textarea, select')].map(
      (element) => (element as HTMLInputElement).value,
    );
    return `${document.body.innerText}\n${fields.join('\n')}`;
  });
}

/** Waits until the board's phase titles are `titles`, in order. */
async function expectPhases(page: Page, titles: string[]): Promise<void> {
  const inputs = phaseTitles(page);
  await expect(inputs).toHaveCount(titles.length);
  for (const [index, title] of titles.entries()) await expect(inputs.nth(index)).toHaveValue(title);
}

/** The row of a version in the versions list, by its title. */
function versionRow(page: Page, title: string) {
  return page
    .locator('table.versions tbody tr')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('a plan started from a built-in template shows its phases on the board', async ({ page }) => {
  test.slow(); // axe twice and a board with a whole template, on a shared machine
  await signInOverHttp(page, ADMIN);
  await page.goto('/');
  await page.getByRole('link', { name: 'Neuen Prozessplan anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neuer Prozessplan');
  const picker = page.getByRole('group', { name: 'Womit möchten Sie beginnen?' });
  const empty = picker.getByRole('radio', { name: 'Leerer Plan' });
  await expect(empty).toBeChecked();
  // The empty plan and four templates (and approved plans of earlier tests, if any).
  await expect(picker.getByRole('radio').nth(4)).toBeVisible();
  await expectAccessible(page);

  // Keyboard only: the radio group is one tab stop; arrow keys choose the template.
  await empty.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const playground = picker.getByRole('radio', { name: 'Spielplatz mit Kindern planen' });
  await expect(playground).toBeChecked();
  await expect(playground).toBeFocused();
  await expect(playground).toHaveAccessibleDescription(/Kinder erkunden den Ort/);
  await page.keyboard.press('Tab');
  const title = `Spielplatz Lindenhof ${Date.now().toString(36)}`;
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Straßen- und Grünflächenamt');
  await page.keyboard.press('Enter');

  await page.waitForURL(/\/plans\/(?!new$)[A-Za-z0-9_-]+$/);
  await waitConnected(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectPhases(page, [
    'Vorbereitung',
    'Erkunden und Ideen sammeln',
    'Gemeinsam entwerfen',
    'Rückmeldung und Eröffnung',
  ]);
  const planId = new URL(page.url()).pathname.split('/').pop()!;
  const exported = await (await page.request.get(`/plans/${planId}/export/json`)).json();
  expect(exported.meta).toMatchObject({
    title,
    requestingUnit: 'Straßen- und Grünflächenamt',
    facilitator: ADMIN.name,
    status: 'draft',
  });
  expect(exported.phases[2].formats.map((f: { method: string }) => f.method)).toEqual([
    'Modellbau mit dem Planungsbüro',
    'Punktabstimmung',
  ]);

  // The picker in English.
  await page.goto('/en/plans/new');
  const english = page.getByRole('group', { name: 'What would you like to start from?' });
  await expect(
    english.getByRole('radio', { name: 'A playground planned with children' }),
  ).toHaveAccessibleDescription(/Children explore the site/);
  await expectAccessible(page);
});

test('an approved plan used as template by the other person carries no personal data', async ({
  browser,
  page,
}) => {
  test.slow(); // two people, an import, the four-eyes approval and a new plan
  await signInOverHttp(page, ADMIN);
  const title = `Parkplanung ${Date.now().toString(36)}`;
  await page.goto('/plans/import');
  await page.getByLabel('JSON-Datei').setInputFiles({
    name: 'park.json',
    mimeType: 'application/json',
    buffer: Buffer.from(planFileWithPersonalData(title)),
  });
  await page.getByRole('button', { name: 'Importieren' }).click();
  await page.waitForURL(/\/plans\/(?!import$)[A-Za-z0-9_-]+$/);
  const planId = new URL(page.url()).pathname.split('/').pop()!;
  const sourceTitle = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  // The source really holds every piece of personal data.
  const source = await (await page.request.get(`/plans/${planId}/export/json`)).text();
  for (const value of Object.values(PERSONAL)) expect(source).toContain(value);

  // The second person: the requesting unit (editor), whose account may create plans.
  const link = await inviteOverHttp(page, planId, 'editor');
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const checkOther = guardPage(other, 'editor');
  const account = newAccount('editor');
  await signUpOverHttp(other, account);
  await acceptInviteOverHttp(other, link);
  await page.goto('/admin');
  await page
    .getByRole('row', { name: new RegExp(account.email) })
    .getByRole('button', { name: /Zur Prozessbegleitung machen/ })
    .click();
  await expect(page.getByRole('row', { name: new RegExp(account.email) })).toContainText(
    'Prozessbegleitung',
  );

  // Four eyes: the facilitator saves, submits and approves; the requesting unit approves.
  await page.goto(`/plans/${planId}/versions`);
  await expect(page.getByRole('link', { name: 'Als Vorlage verwenden' })).toHaveCount(0);
  await page.getByLabel('Bezeichnung').fill('Freigabe Mai');
  await page.getByRole('button', { name: 'Version speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();
  await versionRow(page, 'Freigabe Mai')
    .getByRole('button', { name: 'Zur Freigabe einreichen' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'eingereicht' })).toBeVisible();
  await versionRow(page, 'Freigabe Mai')
    .getByRole('button', { name: 'Freigeben als Prozessbegleitung' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Es fehlt noch' })).toBeVisible();
  await other.goto(`/plans/${planId}/versions`);
  await versionRow(other, 'Freigabe Mai')
    .getByRole('button', { name: 'Freigeben als anfragende Stelle' })
    .click();
  await expect(
    other.getByRole('status').filter({ hasText: 'Die Version ist freigegeben' }),
  ).toBeVisible();
  await other.reload();
  await expect(other.getByRole('link', { name: 'Als Vorlage verwenden' })).toBeVisible();

  // The other person starts a plan from it, from the plans list.
  await other.goto('/');
  const row = other
    .getByRole('row')
    .filter({ has: other.getByRole('link', { name: sourceTitle }) });
  await row.getByRole('link', { name: /Als Vorlage verwenden/ }).click();
  await expect(other.getByRole('radio', { name: sourceTitle })).toBeChecked();
  await expectAccessible(other);
  const newTitle = `Parkplanung Süd ${Date.now().toString(36)}`;
  await other.getByRole('textbox', { name: 'Titel', exact: true }).fill(newTitle);
  await other.getByRole('button', { name: 'Prozessplan anlegen' }).click();
  await other.waitForURL(/\/plans\/(?!new$)[A-Za-z0-9_-]+$/);
  const newId = new URL(other.url()).pathname.split('/').pop()!;
  expect(newId).not.toBe(planId);
  await waitConnected(other);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expectPhases(other, ['Auftakt', 'Werkstatt']);

  // No personal data on the new board or in its JSON export; it is the other person's plan.
  const board = await boardContent(other);
  expect(board).toContain('Anwohnende');
  for (const value of Object.values(PERSONAL)) expect(board).not.toContain(value);
  const response = await other.request.get(`/plans/${newId}/export/json`);
  const exported = await response.text();
  for (const value of Object.values(PERSONAL)) expect(exported).not.toContain(value);
  const plan = JSON.parse(exported);
  expect(plan.meta).toMatchObject({ title: newTitle, facilitator: account.name, status: 'draft' });
  expect(plan.results).toEqual([]);
  expect((await page.request.get(`/plans/${newId}`)).status()).toBe(404);
  await other.goto('/');
  await expect(
    other.getByRole('table', { name: 'Meine Prozesspläne' }).getByRole('link', { name: newTitle }),
  ).toBeVisible();

  // The facilitators' network: a facilitator who is no member of the source plan finds it among
  // the network's approved plans (title, unit, approval date; no names or addresses) and starts
  // from it; a made-up source is refused with a form error and nothing is created.
  const networkContext = await browser.newContext();
  const peer = await networkContext.newPage();
  const checkPeer = guardPage(peer, 'network facilitator');
  const peerAccount = newAccount('facilitator');
  await signUpOverHttp(peer, peerAccount);
  await page.goto('/admin');
  await page
    .getByRole('row', { name: new RegExp(peerAccount.email) })
    .getByRole('button', { name: /Zur Prozessbegleitung machen/ })
    .click();
  await expect(page.getByRole('row', { name: new RegExp(peerAccount.email) })).toContainText(
    'Prozessbegleitung',
  );
  expect((await peer.request.get(`/plans/${planId}`)).status()).toBe(404);
  await peer.goto('/plans/new');
  await expect(peer.getByRole('group', { name: 'Ihre freigegebenen Pläne' })).toHaveCount(0);
  const networkGroup = peer.getByRole('group', { name: 'Freigegebene Pläne im Netzwerk' });
  const networkPlan = networkGroup.getByRole('radio', { name: sourceTitle, exact: true });
  await expect(networkPlan).toHaveAccessibleDescription(
    /^Anfragende Stelle: Bezirksamt, Straßen- und Grünflächenamt · freigegeben am \d{1,2}\. \S+ \d{4}$/,
  );
  const picker = await networkGroup.innerText();
  for (const value of [...Object.values(PERSONAL), ADMIN.name, ADMIN.email, account.name]) {
    expect(picker).not.toContain(value);
  }
  expect(picker).not.toContain(account.email);
  await expectAccessible(peer);
  // The owner sees the same plan among their own.
  await page.goto('/plans/new');
  await expect(
    page
      .getByRole('group', { name: 'Ihre freigegebenen Pläne' })
      .getByRole('radio', { name: sourceTitle, exact: true }),
  ).toBeVisible();

  // A made-up id in the form (as a tampered request would send it) is refused on the server.
  await networkPlan.evaluate((radio) => ((radio as HTMLInputElement).value = 'plan:made-up-id'));
  await networkPlan.check();
  await peer.getByRole('textbox', { name: 'Titel', exact: true }).fill('Erfundene Vorlage');
  await peer.getByRole('button', { name: 'Prozessplan anlegen' }).click();
  await expect(peer.getByRole('alert')).toHaveText(
    /Dieser Plan steht nicht als Vorlage zur Verfügung/,
  );
  await expect(peer).toHaveURL(/\/plans\/new/);
  await expect(peer.getByRole('link', { name: 'Erfundene Vorlage' })).toHaveCount(0);

  await peer.goto(`/plans/new?from=${planId}`);
  await expect(networkPlan).toBeChecked();
  const networkTitle = `Parkplanung Netzwerk ${Date.now().toString(36)}`;
  await peer.getByRole('textbox', { name: 'Titel', exact: true }).fill(networkTitle);
  await peer.getByRole('button', { name: 'Prozessplan anlegen' }).click();
  await peer.waitForURL(/\/plans\/(?!new)[A-Za-z0-9_-]+$/);
  const networkId = new URL(peer.url()).pathname.split('/').pop()!;
  await waitConnected(peer);
  await expect(peer.getByRole('heading', { level: 1 })).toHaveText(networkTitle);
  await expectPhases(peer, ['Auftakt', 'Werkstatt']);
  const peerBoard = await boardContent(peer);
  for (const value of Object.values(PERSONAL)) expect(peerBoard).not.toContain(value);
  const peerExport = await (await peer.request.get(`/plans/${networkId}/export/json`)).text();
  for (const value of Object.values(PERSONAL)) expect(peerExport).not.toContain(value);
  expect(JSON.parse(peerExport).meta).toMatchObject({
    title: networkTitle,
    facilitator: peerAccount.name,
    status: 'draft',
  });
  // Using it made them no member of the source.
  expect((await peer.request.get(`/plans/${planId}`)).status()).toBe(404);

  checkOther();
  checkPeer();
  await otherContext.close();
  await networkContext.close();
});
