/**
 * The stakeholder grid (power/interest) on the board, with two people on one plan: a chip dragged
 * in one browser moves (and changes quadrant) in the other; the keyboard alone moves a chip and
 * the move is announced; an unreached stakeholder is flagged until a format targets it; a viewer
 * sees the grid but cannot move anything; axe finds nothing on the grid.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, stakeholderNames, waitConnected } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Two browsers, a sign-up and an axe run each: on the shared 2-core machine (load average ~20)
// one test took over 30 s once, its steps all passing.
test.describe.configure({ timeout: 90_000 });

/** The bound for "sees the other's change". */
const LIVE = { timeout: 1_000 };

/** The chip of a stakeholder on the grid. */
function chip(page: Page, name: string) {
  return page.locator('.grid-chip').filter({ has: page.locator('.chip-name', { hasText: name }) });
}

/** The grid cell a stakeholder's chip sits in. */
function cellOf(page: Page, name: string) {
  return page.locator('[data-grid-cell]').filter({ has: chip(page, name) });
}

/** The board's live region (the one `announce` writes). */
function liveRegion(page: Page) {
  return page.locator('.board > [aria-live="polite"]');
}

async function addStakeholder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type(name);
  await expect(stakeholderNames(page).last()).toHaveValue(name);
}

/** Opens the grid's disclosure below the stakeholder table (its code loads on demand). */
async function openGrid(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Einfluss-Interesse-Raster', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.grid-plane')).toBeVisible();
}

/** Drags a chip with the mouse onto the cell of `power` × `interest`. */
async function dragChip(page: Page, name: string, power: number, interest: number): Promise<void> {
  await page.locator('.grid-plane').scrollIntoViewIfNeeded();
  const from = await chip(page, name).boundingBox();
  const cell = page.locator(`[data-grid-cell][data-power="${power}"][data-interest="${interest}"]`);
  const to = await cell.boundingBox();
  if (!from || !to) throw new Error('chip or cell not drawn');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await expect(cell).toHaveClass(/drop-target/);
  await page.mouse.up();
}

test('a chip dragged in one browser moves in the other, and by keyboard with an announcement', async ({
  browser,
  page,
}) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await addStakeholder(a, 'Bürgerverein');
  await addStakeholder(a, 'Senatsverwaltung');
  await expect(stakeholderNames(b)).toHaveCount(2);
  for (const p of [a, b]) await openGrid(p);

  // New stakeholders start at 3/3: the middle counts as high, so "manage closely".
  for (const p of [a, b]) {
    await expect(cellOf(p, 'Bürgerverein')).toHaveAttribute('data-quadrant', 'manage_closely');
  }

  // Drag in A onto power 5, interest 1: B sees it in "keep satisfied", table included.
  await dragChip(a, 'Bürgerverein', 5, 1);
  await expect(cellOf(a, 'Bürgerverein')).toHaveAttribute('data-power', '5');
  await expect(cellOf(b, 'Bürgerverein')).toHaveAttribute('data-quadrant', 'keep_satisfied', LIVE);
  await expect(cellOf(b, 'Bürgerverein')).toHaveAttribute('data-interest', '1');
  await expect(b.getByLabel('Einfluss (1–5): Bürgerverein')).toHaveValue('5');
  await expect(b.getByLabel('Interesse (1–5): Bürgerverein')).toHaveValue('1');
  await expect(liveRegion(a)).toHaveText(
    'Bürgerverein: Einfluss 5, Interesse 1 — zufrieden stellen',
  );

  // B drags the other one down into "monitor"; A sees it.
  await dragChip(b, 'Senatsverwaltung', 1, 2);
  await expect(cellOf(a, 'Senatsverwaltung')).toHaveAttribute('data-quadrant', 'monitor', LIVE);

  // Keyboard only in B: focus the chip, arrows change interest (right) and power (down).
  await chip(b, 'Bürgerverein').focus();
  await b.keyboard.press('ArrowRight');
  await b.keyboard.press('ArrowRight');
  await expect(liveRegion(b)).toHaveText('Bürgerverein: Einfluss 5, Interesse 3 — eng einbinden');
  await expect(cellOf(a, 'Bürgerverein')).toHaveAttribute('data-quadrant', 'manage_closely', LIVE);
  // Focus follows the chip into its new cell, so the arrows keep working.
  await expect(chip(b, 'Bürgerverein')).toBeFocused();
  for (let i = 0; i < 4; i++) await b.keyboard.press('ArrowDown');
  await expect(liveRegion(b)).toHaveText(
    'Bürgerverein: Einfluss 1, Interesse 3 — informiert halten',
  );
  await expect(cellOf(a, 'Bürgerverein')).toHaveAttribute('data-quadrant', 'keep_informed', LIVE);
  // At the edge the position stays and is said again.
  await b.keyboard.press('ArrowDown');
  await expect(liveRegion(b)).toHaveText(
    'Bürgerverein: Einfluss 1, Interesse 3 — informiert halten',
  );
  await expect(chip(b, 'Bürgerverein')).toHaveAccessibleName(
    'Bürgerverein (Information): Einfluss 1, Interesse 3 — informiert halten; Von keinem Format erreicht',
  );

  // A remote move keeps a focused chip focused (A moves it while B has focus on it).
  await chip(a, 'Bürgerverein').focus();
  await a.keyboard.press('ArrowUp');
  await expect(cellOf(b, 'Bürgerverein')).toHaveAttribute('data-power', '2', LIVE);
  await expect(chip(b, 'Bürgerverein')).toBeFocused();

  // Undo in A takes back A's own move only.
  await a.keyboard.press('Control+z');
  await expect(cellOf(b, 'Bürgerverein')).toHaveAttribute('data-power', '1', LIVE);

  checkOther();
});

test('an unreached stakeholder is flagged until a format reaches it, live', async ({
  browser,
  page,
}) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await addStakeholder(a, 'Jugendparlament');
  await expect(stakeholderNames(b)).toHaveCount(1);
  await openGrid(b);

  const flagB = chip(b, 'Jugendparlament').locator('.chip-flag');
  await expect(flagB).toHaveText('⚠ Nicht erreicht');
  await expect(b.locator('.grid-reach-summary')).toContainText(
    '1 von 1 Beteiligten erreicht noch kein Format.',
  );

  // A adds a phase and a format and targets the stakeholder: B's flag goes away.
  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Auftakt');
  await a.getByRole('button', { name: 'Format hinzufügen zu: Auftakt' }).click();
  await a.keyboard.type('Jugendforum');
  await expect(flagB).toBeVisible();
  await a.getByRole('checkbox', { name: 'Jugendparlament' }).check();
  await expect(flagB).toHaveCount(0, LIVE);
  await expect(chip(b, 'Jugendparlament').locator('.chip-reach')).toHaveText('1 Format');
  await expect(b.locator('[data-reach-for]', { hasText: 'Jugendparlament' })).toContainText(
    'Jugendforum (Auftakt)',
  );
  await expect(b.locator('.grid-reach-summary')).toHaveText(
    'Alle Beteiligten werden von mindestens einem Format erreicht.',
  );

  // Activating a chip shows its entry in the list of who is reached by what.
  await chip(b, 'Jugendparlament').focus();
  await b.keyboard.press('Enter');
  await expect(b.locator('[data-reach-for]', { hasText: 'Jugendparlament' })).toBeFocused();

  // The target taken away again: flagged again.
  await a.getByRole('checkbox', { name: 'Jugendparlament' }).uncheck();
  await expect(flagB).toBeVisible(LIVE);

  // The open grid is remembered in this browser.
  await b.reload();
  await waitConnected(b);
  await expect(flagB).toBeVisible();

  const axe = await new AxeBuilder({ page: b })
    .include('.stakeholder-grid')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});

test('a viewer sees the grid but cannot move a stakeholder', async ({ browser, page }) => {
  const {
    facilitator: a,
    other: viewer,
    checkOther,
  } = await facilitatorAnd(browser, page, 'viewer');
  await addStakeholder(a, 'Mieterbeirat');
  await expect(stakeholderNames(viewer)).toHaveCount(1);
  for (const p of [a, viewer]) await openGrid(p);
  await expect(cellOf(viewer, 'Mieterbeirat')).toHaveAttribute('data-quadrant', 'manage_closely');
  await expect(viewer.getByText('Sie können es nur lesen.')).toBeVisible();

  // Arrow keys on the focused chip do nothing.
  await chip(viewer, 'Mieterbeirat').focus();
  await viewer.keyboard.press('ArrowLeft');
  await viewer.keyboard.press('ArrowDown');
  await expect(liveRegion(viewer)).toHaveText('');

  // Nor does a drag: no drop target, and the chip stays.
  await viewer.locator('.grid-plane').scrollIntoViewIfNeeded();
  const from = await chip(viewer, 'Mieterbeirat').boundingBox();
  const to = await viewer
    .locator('[data-grid-cell][data-power="1"][data-interest="1"]')
    .boundingBox();
  if (!from || !to) throw new Error('chip or cell not drawn');
  await viewer.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await viewer.mouse.down();
  await viewer.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await expect(viewer.locator('.drop-target')).toHaveCount(0);
  await viewer.mouse.up();
  await expect(cellOf(viewer, 'Mieterbeirat')).toHaveAttribute('data-quadrant', 'manage_closely');
  await expect(cellOf(a, 'Mieterbeirat')).toHaveAttribute('data-quadrant', 'manage_closely');
  // Nothing was even tried: the server refused no write.
  await expect(viewer.getByText('Der Server hat eine Änderung abgelehnt')).toHaveCount(0);

  const axe = await new AxeBuilder({ page: viewer })
    .include('.stakeholder-grid')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});
