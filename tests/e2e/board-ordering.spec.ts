/**
 * Ordering on the board: a phase dragged by its handle moves for everyone; a format moves to
 * another phase through its "move to phase" select and up/down within a phase.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, phaseTitles } from './board-helpers.js';

// Tall enough that every phase is on screen: the drag is a plain mouse drag, without autoscroll.
test.use({ viewport: { width: 1280, height: 2400 } });

function titlesOf(page: Page): Promise<string[]> {
  return phaseTitles(page).evaluateAll((inputs) =>
    inputs.map((input) => (input as unknown as { value: string }).value),
  );
}

function formatTitles(page: Page, phase: number): Promise<string[]> {
  return page
    .locator('li.phase')
    .nth(phase)
    .getByLabel('Titel des Formats')
    .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
}

test('drag a phase, move formats between and within phases', async ({ browser, page }) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await b.setViewportSize({ width: 1280, height: 2400 });
  for (const title of ['Eins', 'Zwei', 'Drei']) {
    await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
    await a.keyboard.type(title);
  }
  await expect.poll(() => titlesOf(b)).toEqual(['Eins', 'Zwei', 'Drei']);

  // Drag "Drei" by its handle onto "Eins".
  await a.locator('li.phase').nth(2).locator('.handle').hover();
  await a.mouse.down();
  const box = await a.locator('li.phase').nth(0).locator('h3').boundingBox();
  if (!box) throw new Error('no box for the first phase heading');
  await a.mouse.move(box.x + 5, box.y + 5, { steps: 10 });
  await a.mouse.move(box.x + 8, box.y + 6);
  await a.mouse.up();
  await expect.poll(() => titlesOf(a)).toEqual(['Drei', 'Eins', 'Zwei']);
  await expect.poll(() => titlesOf(b), { timeout: 1_000 }).toEqual(['Drei', 'Eins', 'Zwei']);

  // Two formats in "Drei"; B moves the second up, then into "Zwei".
  for (const title of ['Werkstatt', 'Umfrage']) {
    await a.getByRole('button', { name: 'Format hinzufügen zu: Drei' }).click();
    await a.keyboard.type(title);
  }
  await expect.poll(() => formatTitles(b, 0)).toEqual(['Werkstatt', 'Umfrage']);
  await b.getByRole('button', { name: 'Nach oben: Umfrage' }).click();
  await expect.poll(() => formatTitles(a, 0), { timeout: 1_000 }).toEqual(['Umfrage', 'Werkstatt']);
  await b
    .locator('fieldset.format', { hasText: 'Format: Umfrage' })
    .getByLabel('In Phase verschieben')
    .selectOption({ label: 'Zwei' });
  await expect.poll(() => formatTitles(a, 2), { timeout: 1_000 }).toEqual(['Umfrage']);
  await expect.poll(() => formatTitles(a, 0)).toEqual(['Werkstatt']);
  checkOther();
});
