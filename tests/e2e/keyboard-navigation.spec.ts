import type { Locator, Page } from '@playwright/test';
import { phaseTitles, stakeholderNames, waitConnected } from './board-helpers.js';
import { expect, test } from './fixtures.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { importPlan, largePlanJSON } from './helpers/large-plan.js';

test('Tab reaches the skip link first, then the home link, then the language switch', async ({
  page,
}) => {
  await page.goto('/');

  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Prozesswerkstatt' }),
  ).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('navigation', { name: 'Sprache' }).getByRole('link').first(),
  ).toBeFocused();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(page.locator('main#main')).toBeFocused();
});

/**
 * Presses Tab until `target` has focus, at most `limit` times; returns the presses used, or
 * Infinity when focus never got there.
 */
async function tabUntil(page: Page, target: Locator, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  return Infinity;
}

/**
 * The route a keyboard user takes from page load to a section's main action: the skip link
 * (Tab, Enter), the section's link in "Abschnitte" (Tabs, Enter), then Tabs to the action.
 * Every key press is counted.
 */
async function pressesToAction(page: Page, section: string, action: Locator): Promise<number> {
  // A fresh load of the board (the skip link left "#main" in the URL; a reload would keep it).
  const url = new URL(page.url());
  await page.goto(url.pathname);
  await expect(page.locator('[data-ready="true"]')).toBeVisible({ timeout: 15_000 });
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
  let presses = await tabUntil(page, skipLink, 10);
  await page.keyboard.press('Enter');
  presses += 1;
  const sectionLink = page
    .getByRole('navigation', { name: 'Abschnitte' })
    .getByRole('link', { name: section, exact: true });
  presses += await tabUntil(page, sectionLink, 10);
  await page.keyboard.press('Enter');
  presses += 1;
  presses += await tabUntil(page, action, 10);
  return presses;
}

test('every board section’s main action is at most 10 key presses from page load', async ({
  page,
}) => {
  // Three loads of a large board, each walked by key presses.
  test.setTimeout(180_000);
  await signInOverHttp(page, ADMIN);
  await importPlan(page, largePlanJSON(`Tastatur ${Date.now()}`, 15, 10, 1));
  await waitConnected(page);
  await expect(stakeholderNames(page)).toHaveCount(15);
  await expect(phaseTitles(page)).toHaveCount(10);

  const actions: Array<[string, Locator]> = [
    ['Überblick', page.getByRole('textbox', { name: 'Titel des Plans', exact: true })],
    ['Beteiligte', page.getByRole('button', { name: 'Beteiligte hinzufügen' })],
    ['Phasen', page.getByRole('button', { name: 'Phase hinzufügen' })],
  ];
  for (const [section, action] of actions) {
    const presses = await pressesToAction(page, section, action);
    expect(presses, `key presses to the main action of „${section}“`).toBeLessThanOrEqual(10);
    await expect(action).toBeInViewport();
  }

  // The action works from there: Enter adds a phase and puts focus into its title.
  await page.keyboard.press('Enter');
  await expect(phaseTitles(page)).toHaveCount(11);
  await expect(phaseTitles(page).last()).toBeFocused();
});
