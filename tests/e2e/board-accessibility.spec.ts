/**
 * The board is accessible: axe finds no WCAG 2.1 AA violations on a board with content, and a
 * keyboard-only walk (Tab through every field and editor — no trap) creates a stakeholder and
 * reorders a phase.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { createPlanOverHttp } from './helpers/plans.js';
import { openBoard, phaseTitles, stakeholderNames } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Presses Tab until `matches` holds for the focused element (fails after `max` presses). */
async function tabTo(page: Page, matches: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      (selector) =>
        (
          globalThis as unknown as { document: { activeElement: { matches(s: string): boolean } } }
        ).document.activeElement?.matches(selector) ?? false,
      matches,
    );
    if (hit) return;
  }
  throw new Error(`tabTo: ${matches} not reached in ${max} Tab presses`);
}

/** The phase titles in board order. */
function values(page: Page): Promise<string[]> {
  return phaseTitles(page).evaluateAll((inputs) =>
    inputs.map((input) => (input as unknown as { value: string }).value),
  );
}

test('axe finds no violations on a board with content', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, 'Barrierefreiheit', 'Bezirksamt Pankow');
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Seniorenvertretung');
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Auftakt');
  await page.getByRole('button', { name: 'Format hinzufügen zu: Auftakt' }).click();
  await page.keyboard.type('Workshop');
  await page.getByRole('textbox', { name: 'Ziele', exact: true }).click();
  await page.keyboard.type('Ein Ziel');

  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
});

test('keyboard only: create a stakeholder and reorder a phase', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, 'Tastatur', 'Bezirksamt Spandau');
  await openBoard(page, planId);

  // Two phases, by keyboard.
  for (const title of ['Erste Phase', 'Zweite Phase']) {
    await tabTo(page, '#phase-add');
    await page.keyboard.press('Enter');
    await page.keyboard.type(title);
  }
  // From the top of the page, through every field and editor, to "add stakeholder".
  await page.locator('h1').click();
  await tabTo(page, '#stakeholder-add');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Jugendparlament');
  await expect(stakeholderNames(page).first()).toHaveValue('Jugendparlament');

  // Reorder: focus the second phase's handle, Alt+ArrowUp.
  await expect.poll(() => values(page)).toEqual(['Erste Phase', 'Zweite Phase']);
  await tabTo(page, 'li.phase:nth-child(2) .handle');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => values(page)).toEqual(['Zweite Phase', 'Erste Phase']);
  await expect(page.locator('.board > [aria-live="polite"]')).toContainText('Position 1 von 2');
  // Focus stayed on the moved phase's handle.
  await expect(page.locator('li.phase').first().locator('.handle')).toBeFocused();
});

test('each formatting toolbar is one tab stop; arrow keys, Home and End move inside it', async ({
  page,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, 'Werkzeugleiste', 'Bezirksamt Spandau');
  await openBoard(page, planId);
  const toolbar = page.getByRole('toolbar', { name: 'Formatierung: Anlass' });
  const button = (name: string) => toolbar.getByRole('button', { name, exact: true });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

  await button('Überschrift').focus();
  await page.keyboard.press('ArrowRight');
  await expect(button('Aufzählung')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(button('Link')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(button('Überschrift')).toBeFocused();
  await page.keyboard.press('End');
  await expect(button('Link')).toBeFocused();
  // Tab leaves the toolbar for its text; Shift+Tab comes back to the button used last.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Anlass', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(button('Link')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('tabindex', '-1');
  expect(await toolbar.evaluate((node) => node.contains(document.activeElement))).toBe(false);
});
