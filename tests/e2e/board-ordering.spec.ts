/**
 * Ordering on the board: a phase dragged by its handle moves for everyone; a format moves to
 * another phase through its "move to phase" select and up/down within a phase. Phases taller
 * than the screen move by mouse (the list collapses while dragging) and by keyboard.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, guardPage, openBoard, phaseTitles } from './board-helpers.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { importPlanOverHttp, largePlanJSON } from './helpers/large-plan.js';
import { acceptInviteOverHttp, inviteOverHttp } from './helpers/plans.js';

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
  const handle = a.locator('li.phase').nth(2).locator('.handle');
  await handle.hover();
  await a.mouse.down();
  const start = await handle.boundingBox();
  if (!start) throw new Error('no box for the handle');
  // The drag starts with the first move; phases then collapse to their heads, so aim after it.
  await a.mouse.move(start.x + 10, start.y + 10, { steps: 5 });
  await expect(a.locator('ol.phases.collapsed')).toHaveCount(1);
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

test.describe('long phases on a laptop screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  /** A facilitator on an imported plan of three long phases, and an editor on the same board. */
  async function longPhasesPair(browser: Browser, page: Page) {
    await signInOverHttp(page, ADMIN);
    const planId = await importPlanOverHttp(
      page,
      largePlanJSON(`Lange Phasen ${Date.now()}`, 6, 3, 6),
    );
    const link = await inviteOverHttp(page, planId, 'editor');
    const otherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await otherContext.newPage();
    const checkOther = guardPage(other, 'editor');
    await signUpOverHttp(other, newAccount('editor'));
    await acceptInviteOverHttp(other, link);
    await openBoard(page, planId);
    await openBoard(other, planId);
    return { a: page, b: other, checkOther };
  }

  test('a long phase is dragged by its handle past phases taller than the screen', async ({
    browser,
    page,
  }) => {
    test.slow();
    const { a, b, checkOther } = await longPhasesPair(browser, page);
    await expect.poll(() => titlesOf(b)).toEqual(['Phase 1', 'Phase 2', 'Phase 3']);
    const first = a.locator('li.phase').nth(0);
    const last = a.locator('li.phase').nth(2);
    // Each phase is taller than the screen: the first is far out of view from the last handle.
    expect((await first.boundingBox())?.height).toBeGreaterThan(800);

    await last.locator('.handle').scrollIntoViewIfNeeded();
    await last.locator('.handle').hover();
    await a.mouse.down();
    const start = await last.locator('.handle').boundingBox();
    if (!start) throw new Error('no box for the handle');
    await a.mouse.move(start.x + 10, start.y + 10, { steps: 5 });
    // While dragging, phases show only their heads, so the first one is on screen.
    await expect(first.getByRole('heading', { level: 3 })).toBeInViewport();
    const box = await first.getByRole('heading', { level: 3 }).boundingBox();
    if (!box) throw new Error('no box for the first phase heading');
    await a.mouse.move(box.x + 5, box.y + 5, { steps: 10 });
    await a.mouse.move(box.x + 8, box.y + 6);
    await a.mouse.up();

    await expect.poll(() => titlesOf(a)).toEqual(['Phase 3', 'Phase 1', 'Phase 2']);
    await expect.poll(() => titlesOf(b)).toEqual(['Phase 3', 'Phase 1', 'Phase 2']);
    // The drop ends the collapsed view: the goals are back.
    await expect(first.getByRole('textbox', { name: 'Ziel der Phase' })).toBeVisible();
    checkOther();
  });

  test('a long phase moves by keyboard, announced, and the other board follows', async ({
    browser,
    page,
  }) => {
    test.slow();
    const { a, b, checkOther } = await longPhasesPair(browser, page);
    await expect.poll(() => titlesOf(b)).toEqual(['Phase 1', 'Phase 2', 'Phase 3']);

    const handle = a.getByRole('button', { name: 'Phase „Phase 1“ verschieben (Alt+Pfeiltasten)' });
    await handle.focus();
    await a.keyboard.press('Alt+ArrowDown');
    await a.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => titlesOf(a)).toEqual(['Phase 2', 'Phase 3', 'Phase 1']);
    await expect(a.locator('.board > [aria-live="polite"]')).toHaveText(
      'Phase 1 ist jetzt an Position 3 von 3.',
    );
    await expect(handle).toBeFocused();
    await expect.poll(() => titlesOf(b)).toEqual(['Phase 2', 'Phase 3', 'Phase 1']);

    // The move buttons do the same from the other board.
    await b.getByRole('button', { name: 'Nach oben: Phase 1', exact: true }).click();
    await expect.poll(() => titlesOf(a)).toEqual(['Phase 2', 'Phase 1', 'Phase 3']);
    checkOther();
  });
});
