/**
 * The results inbox (issue #18, first screen): an editor enters a letter by hand, is shown the
 * field errors first and then a receipt code with its printable receipt; a viewer's open inbox
 * shows the new letter live, without the writer's name or address. axe on the inbox (with errors
 * shown) and on the receipt.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, login, logout, newAccount, registerUser } from './helpers/accounts.js';
import { acceptInvite, createPlan, invite } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NAME = 'Erika Mustermann';
const ADDRESS = 'Turmstraße 21, 10559 Berlin';
const LETTER = 'Bitte pflanzen Sie mehr Bäume am Spielplatz, damit die Kinder Schatten haben.';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

test('an editor enters a letter by hand; a viewer sees it live without personal data', async ({
  page,
  browser,
}) => {
  // Four page loads, two accounts and three axe runs; the shared machine is slow.
  test.setTimeout(240_000);
  // The facilitator makes the plan and invites an editor and a viewer.
  await login(page, ADMIN);
  const planId = await createPlan(page, `Spielplatz ${Date.now().toString(36)}`, 'Bezirksamt');
  const editorLink = await invite(page, planId, 'editor');
  const viewerLink = await invite(page, planId, 'viewer');
  await logout(page);

  // The viewer opens the inbox in a browser of their own and keeps it open.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await registerUser(viewer, newAccount('leserin'));
  await acceptInvite(viewer, viewerLink);
  await viewer.goto(`/plans/${planId}/results`);
  await expect(viewer.getByText('Noch keine Beiträge.')).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'Beitrag von Hand erfassen' })).toHaveCount(0);
  await expect(viewer.locator('section[data-live="true"]')).toHaveCount(1);

  // The editor comes from the board's navigation.
  await registerUser(page, newAccount('redaktion'));
  await acceptInvite(page, editorLink);
  await page.getByRole('link', { name: 'Beteiligungsergebnisse' }).click();
  await page.waitForURL(`**/plans/${planId}/results`);

  // Saving without a text and with a date in the future: each error at its field.
  await page.getByLabel('Eingangsdatum').fill('2999-01-01');
  await page.getByRole('button', { name: 'Beitrag speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('nicht gespeichert');
  const date = page.getByLabel('Eingangsdatum');
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/nicht in der Zukunft/);
  await expect(page.getByLabel('Text des Beitrags')).toHaveAccessibleDescription(
    'Geben Sie den Text des Beitrags ein.',
  );
  await expectNoAxeViolations(page);

  // The letter, complete.
  await page.getByLabel('Eingangsweg').first().selectOption('letter');
  await date.fill('2026-11-30');
  await page.getByLabel('Art der Absendenden').selectOption('person');
  await page.getByLabel('Pseudonym').fill('Anwohnerin Turmstraße');
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Anschrift oder Kontakt').fill(ADDRESS);
  await page.getByLabel('Die Person ist mit einer Kontaktaufnahme einverstanden').check();
  await page.getByLabel('Mitzeichnende').fill('Max Mustermann\nLea Mustermann');
  await page.getByLabel('Betreff').fill('Schatten am Spielplatz');
  await page.getByLabel('Text des Beitrags').fill(LETTER);
  await page.getByRole('button', { name: 'Beitrag speichern' }).click();
  const code = page.getByTestId('receipt-code');
  await expect(code).toHaveText(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  const receiptCode = (await code.textContent()) ?? '';
  await expect(page.getByRole('status').filter({ has: code })).toBeFocused();
  const editorRow = page.locator('tbody tr');
  await expect(editorRow).toHaveCount(1);
  await expect(editorRow).toContainText(NAME);
  await expect(editorRow).toContainText('Mitzeichnende: 2');
  await expect(page.getByLabel('Text des Beitrags')).toHaveValue('');

  // The viewer's open inbox shows it without a reload, without name or address.
  const viewerRow = viewer.locator('tbody tr');
  await expect(viewerRow).toHaveCount(1);
  await expect(viewerRow).toContainText('Anwohnerin Turmstraße');
  await expect(viewerRow).toContainText('Brief');
  await expect(viewerRow).toContainText('Neu');
  await expect(viewerRow).toContainText(LETTER);
  await expect(viewer.getByRole('columnheader', { name: 'Name und Kontakt' })).toHaveCount(0);
  const viewerHtml = await viewer.content();
  expect(viewerHtml).not.toContain(NAME);
  expect(viewerHtml).not.toContain('Turmstraße 21');
  expect(viewerHtml).not.toContain(receiptCode);
  // Filters are server-side: another channel shows nothing.
  await viewer.getByLabel('Eingangsweg').selectOption('email');
  await viewer.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(viewer.getByText('Beiträge: 0')).toBeVisible();
  await expectNoAxeViolations(viewer);
  // The receipt carries the address: not for viewers.
  const receiptHref = await page
    .getByRole('link', { name: 'Eingangsbestätigung ansehen und drucken' })
    .getAttribute('href');
  const refused = await viewer.goto(receiptHref ?? '');
  expect(refused?.status()).toBe(403);

  // The printable receipt.
  await page.getByRole('link', { name: 'Eingangsbestätigung ansehen und drucken' }).click();
  await expect(page.getByRole('heading', { name: 'Eingangsbestätigung' })).toBeVisible();
  await expect(page.getByTestId('receipt-page-code')).toHaveText(receiptCode);
  await expect(page.locator('address')).toContainText(NAME);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Drucken' })).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('receipt-page-code')).toBeVisible();

  await viewerContext.close();
});
