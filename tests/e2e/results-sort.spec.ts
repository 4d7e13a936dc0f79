/**
 * Sorting participation results (issue #18, "Sort and group"), in two browser contexts: a
 * facilitator (A) and an editor (B) edit the same letter at once and B is shown the conflict with
 * A's values instead of overwriting them; A splits the letter into two parts; A builds a theme
 * tree and nests a theme by keyboard only; A runs the local theme suggestions and accepts one,
 * and B's open inbox shows the accepted theme live. axe on every new page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { submitAction } from './helpers/form-actions.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const LONG_LETTER = [
  'Der Spielplatz an der Turmstraße braucht neue Schaukeln und mehr Schatten für die Kinder.',
  'Außerdem ist der Radweg an der Kreuzung gefährlich, bitte bauen Sie eine sichere Ampel.',
].join('\n\n');
const OTHER_LETTERS = [
  'Auf dem Spielplatz im Park fehlen Schaukeln, die Kinder brauchen auch Schatten.',
  'Die Parkplätze vor der Schule sind immer zugeparkt, bitte mehr Kontrollen.',
];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** Enters a letter over HTTP (the entry form has its own spec, results-inbox). */
async function enterLetter(page: Page, planId: string, title: string, text: string) {
  const result = await submitAction(page.request, `/plans/${planId}/results?/create`, {
    channel: 'letter',
    receivedAt: '2026-11-30',
    authorKind: 'person',
    pseudonym: title,
    title,
    text,
  });
  expect(result.type).toBe('success');
}

test('two people sort results: conflict, split, keyboard nesting, accepted suggestion live', async ({
  page,
  browser,
}) => {
  // Two accounts, a dozen page loads, a suggestion run and five axe runs on a shared machine.
  test.setTimeout(300_000);
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Kiez ${Date.now().toString(36)}`, 'Bezirksamt');
  const editorLink = await inviteOverHttp(page, planId, 'editor');
  await enterLetter(page, planId, 'Brief Turmstraße', LONG_LETTER);
  for (const [index, text] of OTHER_LETTERS.entries()) {
    await enterLetter(page, planId, `Brief ${index + 2}`, text);
  }

  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  const editor = newAccount('redaktion');
  await signUpOverHttp(pageB, editor);
  await acceptInviteOverHttp(pageB, editorLink);

  // ---- both open the same letter; A saves first, B's save is refused with A's values --------
  await page.goto(`/plans/${planId}/results`);
  const rowA = page.locator('tbody tr', { hasText: 'Brief Turmstraße' });
  await rowA.getByRole('link', { name: /^Bearbeiten/ }).click();
  await expect(page.getByRole('heading', { name: 'Beitrag bearbeiten' })).toBeVisible();
  const editUrl = page.url();
  await pageB.goto(editUrl);
  await expect(pageB.locator('[data-live="true"]')).toHaveCount(1);

  await page.getByLabel('Betreff').fill('Spielplatz und Radweg (A)');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeFocused();

  await pageB.getByLabel('Betreff').fill('Schaukeln (B)');
  await pageB.getByLabel('Quelle', { exact: true }).fill('post');
  await pageB.getByRole('button', { name: 'Änderungen speichern' }).click();
  const conflict = pageB.getByTestId('edit-conflict');
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText('Jemand anderes hat diesen Beitrag inzwischen geändert');
  await expect(conflict).toContainText('Spielplatz und Radweg (A)');
  await expect(conflict).toContainText('manual');
  // B's own input is kept in the form, nothing of it was saved.
  await expect(pageB.getByLabel('Betreff')).toHaveValue('Schaukeln (B)');
  await expectNoAxeViolations(pageB);
  await page.reload();
  await expect(page.getByLabel('Betreff')).toHaveValue('Spielplatz und Radweg (A)');
  await expect(page.getByLabel('Quelle', { exact: true })).toHaveValue('manual');
  await expectNoAxeViolations(page);

  // ---- A splits the letter into its two paragraphs -------------------------------------------
  await page.getByRole('link', { name: 'In Teile aufteilen' }).click();
  await expect(page.getByRole('heading', { name: 'Beitrag aufteilen' })).toBeVisible();
  await expect(page.getByLabel('Teil 1', { exact: true })).toHaveValue(/^Der Spielplatz/);
  await expect(page.getByLabel('Teil 2', { exact: true })).toHaveValue(/^Außerdem ist der Radweg/);
  // Keyboard: add a third part, then remove it again; focus follows.
  await page.getByRole('button', { name: 'Teil hinzufügen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Teil 3', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Teil 3 entfernen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Teil 3', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Teil 2', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aufteilen', exact: true }).click();
  const done = page.getByTestId('split-done');
  await expect(done).toContainText('Neue Teile: 2');
  await expect(done.getByRole('link')).toHaveCount(2);
  await page.goto(`/plans/${planId}/results`);
  await expect(page.getByTestId('results-total')).toHaveText('Beiträge: 5');

  // ---- themes: create two, nest one under the other by keyboard only -------------------------
  await page.getByRole('link', { name: 'Themen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Themen/ })).toBeVisible();
  for (const label of ['Spielplätze', 'Grünflächen']) {
    await page.getByLabel('Name des Themas').fill(label);
    await page.getByRole('button', { name: 'Thema anlegen' }).click();
    await expect(page.getByRole('status').filter({ hasText: `„${label}“ angelegt` })).toBeVisible();
  }
  const playground = page.locator('li[data-theme-label="Spielplätze"]');
  await playground.locator('summary', { hasText: 'Ändern' }).focus();
  await page.keyboard.press('Enter');
  const moveSelect = page.getByLabel('„Spielplätze“ einordnen unter');
  await moveSelect.focus();
  await page.keyboard.press('ArrowDown');
  await expect(moveSelect.locator('option:checked')).toHaveText('Grünflächen');
  await page.keyboard.press('Tab');
  await expect(playground.getByRole('button', { name: 'Verschieben' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: '„Spielplätze“ verschoben' }),
  ).toBeVisible();
  const green = page.locator('li[data-theme-label="Grünflächen"]');
  await expect(green.locator('ul li[data-theme-label="Spielplätze"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  // ---- B watches the inbox; A runs the suggestions and accepts one ---------------------------
  await pageB.goto(`/plans/${planId}/results`);
  await expect(pageB.locator('section[data-live="true"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Themen vorschlagen' }).click();
  await expect(page.getByTestId('suggest-summary')).toContainText('Untersucht: 5 Beiträge');
  const suggestion = page.locator('li[data-suggestion]', { hasText: 'Brief 2' });
  await expect(suggestion).toContainText('Grünflächen › Spielplätze');
  await expect(suggestion).toContainText('vorgeschlagen');
  await expect(suggestion).toContainText(/Gemeinsame Wörter: .*Spielplatz/);
  await expectNoAxeViolations(page);

  // B's open inbox shows the suggestion as suggested, then A's acceptance, without a reload.
  const rowB = pageB.locator('tbody tr', { hasText: 'Brief 2' });
  await expect(rowB.getByTestId('row-themes')).toContainText('Spielplätze (vorgeschlagen)');
  await suggestion.getByRole('button', { name: /^Annehmen/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vorschlag angenommen' })).toBeVisible();
  await expect(rowB.getByTestId('row-themes')).toContainText('Grünflächen › Spielplätze');
  await expect(rowB.getByTestId('row-themes')).not.toContainText('vorgeschlagen');

  // Who accepted it is recorded and shown on the item, and the inbox filters by the theme.
  await rowB.getByRole('link', { name: /^Bearbeiten/ }).click();
  const onItem = pageB.locator('li[data-theme][data-suggested="false"]');
  await expect(onItem).toContainText(`angenommen von ${ADMIN.name}`);
  await pageB.goBack();
  await pageB
    .getByLabel('Thema', { exact: true })
    .selectOption({ label: 'Grünflächen › Spielplätze' });
  await pageB.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(pageB.getByTestId('results-total')).toHaveText(/Beiträge: [1-9]/);
  await expect(pageB.locator('tbody tr', { hasText: 'Brief 3' })).toHaveCount(0);
  await expectNoAxeViolations(pageB);

  await contextB.close();
});
