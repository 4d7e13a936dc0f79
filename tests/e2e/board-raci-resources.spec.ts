/**
 * Responsibilities (RACI) and resources on the board, with two people on one plan: a letter
 * given in one browser shows in the other, with the hint for a missing or doubled A; resources
 * typed on the phase cards add up live in the other browser's totals; a negative budget is
 * refused with a message and never stored; a RACI cell works by keyboard alone; a viewer sees
 * the values but no inputs; axe finds nothing with the overview open, on a laptop screen.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, stakeholderNames } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Two browsers, sign-ups and axe runs: generous on the shared 2-core machine.
test.describe.configure({ timeout: 120_000 });
// The phase card with its five resource inputs must fit a laptop screen.
test.use({ viewport: { width: 1280, height: 800 } });

/** The bound for "sees the other's change". */
const LIVE = { timeout: 1_000 };

async function addStakeholder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type(name);
  await expect(stakeholderNames(page).last()).toHaveValue(name);
}

async function addPhase(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type(title);
  await expect(phaseCard(page, title)).toBeVisible();
}

async function addFormat(page: Page, phase: string, title: string): Promise<void> {
  await page.getByRole('button', { name: `Format hinzufügen zu: ${phase}` }).click();
  await page.keyboard.type(title);
}

/** The card of a phase on the board. */
function phaseCard(page: Page, title: string): Locator {
  return page
    .locator('li.phase')
    .filter({ has: page.getByRole('heading', { level: 3, name: title }) });
}

/** Opens "Verantwortung und Ressourcen" (its code loads on demand). */
async function openOverview(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Verantwortung und Ressourcen', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#raci-overview h3').first()).toBeVisible();
}

/** The RACI select of one stakeholder for one phase or format ("Jugendforum (Auftakt)"). */
function raciCell(page: Page, stakeholder: string, item: string): Locator {
  return page.getByRole('combobox', {
    name: `Verantwortung von ${stakeholder} für ${item}`,
    exact: true,
  });
}

/** The hint of a RACI row, by the row's phase or format id. */
function raciRow(page: Page, title: string): Locator {
  return page
    .locator('table.raci tbody tr')
    .filter({ has: page.locator('th .raci-item', { hasText: title }) });
}

function total(page: Page, field: string): Locator {
  return page.locator(`table.resource-table [data-total="${field}"]`);
}

function unplanned(page: Page, field: string): Locator {
  return page.locator(`table.resource-table [data-unplanned="${field}"]`);
}

/** The phases as the server stored them (the JSON export reads storage). */
async function storedPhases(
  page: Page,
  planId: string,
): Promise<Array<{ title: string; budgetEuros: number | null; rooms: number | null }>> {
  const response = await page.request.get(`/plans/${planId}/export/json`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { phases: [] }).phases;
}

test('RACI letters and resources are live in both browsers; a negative budget is refused', async ({
  browser,
  page,
}) => {
  const {
    planId,
    facilitator: a,
    other: b,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  await addStakeholder(a, 'Bezirksamt');
  await addStakeholder(a, 'Bürgerverein');
  await addPhase(a, 'Auftakt');
  await addFormat(a, 'Auftakt', 'Jugendforum');
  await addPhase(a, 'Werkstatt');
  await expect(phaseCard(b, 'Werkstatt')).toBeVisible();
  for (const p of [a, b]) await openOverview(p);

  // Nobody holds A anywhere yet: every row says so.
  await expect(raciRow(b, 'Auftakt').locator('.raci-hint')).toContainText(
    'Niemand hat A (rechenschaftspflichtig).',
  );

  // A gives the Bezirksamt "A" for the phase and the Bürgerverein "R" for the format.
  await raciCell(a, 'Bezirksamt', 'Auftakt').selectOption('A');
  await raciCell(a, 'Bürgerverein', 'Jugendforum (Auftakt)').selectOption('R');
  await expect(raciCell(b, 'Bezirksamt', 'Auftakt')).toHaveValue('A', LIVE);
  await expect(raciCell(b, 'Bürgerverein', 'Jugendforum (Auftakt)')).toHaveValue('R', LIVE);
  await expect(raciRow(b, 'Auftakt').locator('.raci-hint')).toHaveCount(0);
  // An R alone does not answer for the format.
  await expect(raciRow(b, 'Jugendforum').locator('.raci-hint')).toHaveAttribute(
    'data-issue',
    'no_accountable',
  );

  // B gives a second A for the phase: both see that there should be exactly one.
  await raciCell(b, 'Bürgerverein', 'Auftakt').selectOption('A');
  await expect(raciRow(a, 'Auftakt').locator('.raci-hint')).toContainText(
    'Mehr als eine Beteiligte hat A – genau eine sollte es sein.',
    LIVE,
  );
  // The hint is what a screen reader hears on the row's cells too.
  await expect(raciCell(a, 'Bezirksamt', 'Auftakt')).toHaveAccessibleDescription(
    'Mehr als eine Beteiligte hat A – genau eine sollte es sein.',
  );

  // Keyboard only in B: from the disclosure, Tab to the Bezirksamt's cell of the format and
  // choose A by typing its letter, then take the Bürgerverein's second A back with the arrows.
  await b.getByRole('button', { name: 'Verantwortung und Ressourcen', exact: true }).focus();
  const target = raciCell(b, 'Bezirksamt', 'Jugendforum (Auftakt)');
  for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await b.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await b.keyboard.press('a');
  await expect(raciCell(a, 'Bezirksamt', 'Jugendforum (Auftakt)')).toHaveValue('A', LIVE);
  await expect(raciRow(a, 'Jugendforum').locator('.raci-hint')).toHaveCount(0);
  await b.keyboard.press('Shift+Tab'); // the Bürgerverein's cell of the phase, one row up
  await expect(raciCell(b, 'Bürgerverein', 'Auftakt')).toBeFocused();
  await b.keyboard.press('ArrowUp'); // A → R
  await expect(raciCell(a, 'Bürgerverein', 'Auftakt')).toHaveValue('R', LIVE);
  await expect(raciRow(a, 'Auftakt').locator('.raci-hint')).toHaveCount(0);

  // Resources: B types staff days and a budget in both phases; A's totals follow.
  const auftaktB = phaseCard(b, 'Auftakt');
  const werkstattB = phaseCard(b, 'Werkstatt');
  // Nothing planned yet reads as not planned, not as a total of 0.
  await expect(total(a, 'staffDays')).toHaveText('–nicht geplant');
  await auftaktB.getByLabel('Personentage').pressSequentially('2.5');
  await auftaktB.getByLabel('Budget (Euro)').pressSequentially('1234.5');
  await expect(total(a, 'staffDays')).toHaveText('2,5', LIVE);
  await expect(total(a, 'budgetEuros')).toHaveText('1.234,50 €', LIVE);
  await werkstattB.getByLabel('Personentage').fill('4');
  await werkstattB.getByLabel('Budget (Euro)').fill('800');
  await expect(total(a, 'staffDays')).toHaveText('6,5', LIVE);
  await expect(total(a, 'budgetEuros')).toHaveText('2.034,50 €', LIVE);
  await expect(unplanned(a, 'staffDays')).toHaveText('0 von 2');
  await expect(unplanned(a, 'rooms')).toHaveText('2 von 2');
  await expect(
    a.locator('table.resource-table tbody tr', { hasText: 'Auftakt' }).locator('[data-resource]'),
  ).toHaveText(['2,5', '1.234,50 €', '–nicht geplant', '–nicht geplant', '–nicht geplant']);
  // Typing a decimal went through without a complaint on the way ("1234." is not wrong).
  await expect(auftaktB.locator('.field-error')).toHaveCount(0);
  // A's own phase card shows what B typed, in A's inputs.
  await expect(phaseCard(a, 'Werkstatt').getByLabel('Budget (Euro)')).toHaveValue('800');

  // A negative budget: a translated error tied to the field, nothing written.
  const budgetB = werkstattB.getByLabel('Budget (Euro)');
  await budgetB.fill('-50');
  await expect(budgetB).toHaveAttribute('aria-invalid', 'true');
  await expect(budgetB).toHaveAccessibleDescription(
    'Negative Werte sind nicht möglich. Nicht gespeichert.',
  );
  await expect(phaseCard(a, 'Werkstatt').getByLabel('Budget (Euro)')).toHaveValue('800');
  await expect(total(a, 'budgetEuros')).toHaveText('2.034,50 €');
  // A later valid entry in another field arrives, the refused one never did.
  await werkstattB.getByLabel('Raumbuchungen').fill('2');
  await expect(total(a, 'rooms')).toHaveText('2', LIVE);
  await expect
    .poll(async () => (await storedPhases(a, planId)).find((p) => p.title === 'Werkstatt')?.rooms)
    .toBe(2);
  expect((await storedPhases(a, planId)).find((p) => p.title === 'Werkstatt')?.budgetEuros).toBe(
    800,
  );
  // Too large and broken counts are refused the same way; a valid value clears the message.
  await werkstattB.getByLabel('Raumbuchungen').fill('1.5');
  await expect(
    werkstattB.getByText('Bitte eine ganze Zahl eingeben. Nicht gespeichert.'),
  ).toBeVisible();
  await budgetB.fill('2000000000');
  await expect(budgetB).toHaveAccessibleDescription(
    'Höchstens 1.000.000.000,00 €. Nicht gespeichert.',
  );
  await budgetB.fill('');
  await expect(budgetB).not.toHaveAttribute('aria-invalid');
  // Cleared = not planned: the total counts the phase as without a budget.
  await expect(total(a, 'budgetEuros')).toHaveText('1.234,50 €', LIVE);
  await expect(unplanned(a, 'budgetEuros')).toHaveText('1 von 2');

  // The board fits the laptop screen with the overview open.
  for (const p of [a, b]) {
    expect(
      await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }
  const axe = await new AxeBuilder({ page: b })
    .include('#raci-overview')
    .include('li.phase')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});

test('a viewer sees responsibilities and resources but no inputs', async ({ browser, page }) => {
  const {
    facilitator: a,
    other: viewer,
    checkOther,
  } = await facilitatorAnd(browser, page, 'viewer');
  await addStakeholder(a, 'Mieterbeirat');
  await addPhase(a, 'Befragung');
  await openOverview(a);
  await raciCell(a, 'Mieterbeirat', 'Befragung').selectOption('C');
  const card = phaseCard(a, 'Befragung');
  await card.getByLabel('Budget (Euro)').fill('1234.5');
  await card.getByLabel('Übersetzen und Dolmetschen (Stunden)').fill('12');

  await expect(phaseCard(viewer, 'Befragung')).toBeVisible();
  await openOverview(viewer);
  const viewerCard = phaseCard(viewer, 'Befragung');
  await expect(viewerCard.locator('[data-resource="budgetEuros"]')).toHaveText('1.234,50 €');
  await expect(viewerCard.locator('[data-resource="translationHours"]')).toHaveText('12');
  await expect(viewerCard.locator('[data-resource="staffDays"]')).toHaveText('nicht geplant');
  await expect(viewer.getByRole('spinbutton')).toHaveCount(0);
  await expect(viewer.locator('#raci-overview').getByRole('combobox')).toHaveCount(0);
  await expect(raciRow(viewer, 'Befragung').locator('[data-letter="C"]')).toHaveText('C');
  await expect(total(viewer, 'budgetEuros')).toHaveText('1.234,50 €');

  // Live for the viewer too.
  await raciCell(a, 'Mieterbeirat', 'Befragung').selectOption('A');
  await expect(raciRow(viewer, 'Befragung').locator('[data-letter="A"]')).toHaveText('A', LIVE);
  await expect(raciRow(viewer, 'Befragung').locator('.raci-hint')).toHaveCount(0);
  // Nothing was even tried: the server refused no write.
  await expect(viewer.getByText('Der Server hat eine Änderung abgelehnt')).toHaveCount(0);

  const axe = await new AxeBuilder({ page: viewer })
    .include('#raci-overview')
    .include('li.phase')
    .withTags(WCAG_21_AA)
    .analyze();
  expect(axe.violations).toEqual([]);
  checkOther();
});
