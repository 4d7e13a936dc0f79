/**
 * The board on a laptop screen (1280 × 800): the stakeholder table of a realistic plan fits
 * without scrolling sideways and no column header is cut; and the accessible names of the board's
 * buttons read as written, without stray spaces from markup ("Nach oben : X").
 */
import { expect, test } from './fixtures.js';
import { stakeholderNames, waitConnected } from './board-helpers.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { importPlan, largePlanJSON } from './helpers/large-plan.js';

test.use({ viewport: { width: 1280, height: 800 } });

test('the stakeholder table fits a 1280 px screen with every column readable', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  await importPlan(page, largePlanJSON(`Laptop ${Date.now()}`, 15, 1, 1));
  await waitConnected(page);
  await expect(stakeholderNames(page)).toHaveCount(15);

  const table = page.locator('table.stakeholders');
  const scroller = page.locator('.table-scroll');
  const overflow = await scroller.evaluate((node) => node.scrollWidth - node.clientWidth);
  expect(overflow, 'pixels the table is wider than its place').toBeLessThanOrEqual(0);
  const tableBox = await table.boundingBox();
  expect(tableBox && tableBox.x + tableBox.width).toBeLessThanOrEqual(1280);
  for (const header of await table.locator('thead th').all()) {
    const text = await header.textContent();
    const cut = await header.evaluate((node) => node.scrollWidth > node.clientWidth);
    expect(cut, `column „${text}“ is cut`).toBe(false);
    await expect(header).toBeVisible();
  }
  // The page itself does not scroll sideways either.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});

test('buttons and links on the board have names without stray spaces', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  await importPlan(page, largePlanJSON(`Namen ${Date.now()}`, 2, 2, 1));
  await waitConnected(page);

  const sections = page.getByRole('navigation', { name: 'Abschnitte' });
  for (const name of ['Überblick', 'Beteiligte', 'Phasen']) {
    await expect(sections.getByRole('link', { name, exact: true })).toBeVisible();
  }
  const first = 'Arbeitsgemeinschaft Stadtteilinitiativen 1';
  for (const name of [
    `Nach unten: ${first}`,
    `Entfernen: ${first}`,
    'Phase „Phase 1“ verschieben (Alt+Pfeiltasten)',
    'Nach unten: Phase 1',
    'Nach oben: Phase 2',
    'Format hinzufügen zu: Phase 1',
    'Entfernen: Format 1.1',
  ]) {
    await expect(page.getByRole('button', { name, exact: true }).first()).toBeVisible();
  }

  // Every name on the board, as the accessibility tree gives it: no space before punctuation,
  // no doubled or leading/trailing spaces.
  const snapshot = await page.locator('.board').ariaSnapshot();
  const names = snapshot
    .split('\n')
    .map((line) => /- '?(?:button|link) "([^"]*)"/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  expect(names.length).toBeGreaterThan(20);
  const stray = names.filter((name) => / [:,.;)]|\( | {2}|^\s|\s$/.test(name));
  expect(stray).toEqual([]);
});
