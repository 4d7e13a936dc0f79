/**
 * Two people type different words into the same plain text field at the same moment: both
 * boards end with the same text and each word whole (no interleaved characters). And nothing is
 * lost silently: a paste longer than the field's limit is refused with a visible message, a
 * counter appears near the limit, and text within the limit is saved.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, openBoard, phaseTitles } from './board-helpers.js';

/** Keystrokes with a pause, as people type; long enough for updates to cross mid-word. */
const TYPING = { delay: 60 };
const SETTLED = { timeout: 5_000 };

// Two accounts, a plan and an invitation before anything is typed: more than the default 30 s
// on a busy machine.
test.describe.configure({ timeout: 120_000 });

/**
 * Puts the caret of `page` into the field (at its start or end). Both people place their caret
 * before either types: someone who places it after the other's first letters has chosen to write
 * behind them, and a word split there would be what they asked for.
 */
async function placeCaret(page: Page, label: string, key: 'Home' | 'End'): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.press(key);
}

test('two people typing into the same field at once both keep their words', async ({
  browser,
  page,
}) => {
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Werkstatt');
  await expect(phaseTitles(b).first()).toHaveValue('Werkstatt', SETTLED);

  // Both at the end of the same phase title, at the same moment.
  await placeCaret(a, 'Titel der Phase', 'End');
  await placeCaret(b, 'Titel der Phase', 'End');
  await Promise.all([a.keyboard.type(' Nordpark', TYPING), b.keyboard.type(' Spielplatz', TYPING)]);
  const phaseA = phaseTitles(a).first();
  const phaseB = phaseTitles(b).first();
  await expect(async () => {
    const [valueA, valueB] = [await phaseA.inputValue(), await phaseB.inputValue()];
    expect(valueB).toBe(valueA);
    expect(valueA).toContain(' Nordpark');
    expect(valueA).toContain(' Spielplatz');
    expect(valueA.startsWith('Werkstatt')).toBe(true);
    expect(valueA).toHaveLength('Werkstatt Nordpark Spielplatz'.length);
  }).toPass(SETTLED);

  // The plan title: one at the start, the other at the end, at the same moment.
  const titleA = a.getByLabel('Titel des Plans', { exact: true });
  const before = await titleA.inputValue();
  await placeCaret(a, 'Titel des Plans', 'Home');
  await placeCaret(b, 'Titel des Plans', 'End');
  await Promise.all([
    a.keyboard.type('Entwurf: ', TYPING),
    b.keyboard.type(' (Stand Mai)', TYPING),
  ]);
  const expected = `Entwurf: ${before} (Stand Mai)`;
  await expect(titleA).toHaveValue(expected, SETTLED);
  await expect(b.getByLabel('Titel des Plans', { exact: true })).toHaveValue(expected, SETTLED);

  // Saved: a fresh load shows the merged text.
  await b.reload();
  await expect(phaseTitles(b).first()).toHaveValue(await phaseA.inputValue(), SETTLED);
  checkOther();
});

test('a paste beyond the limit is refused visibly and nothing is lost', async ({
  browser,
  page,
}) => {
  const {
    planId,
    facilitator: a,
    other: b,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Auftakt');
  const field = phaseTitles(a).first();
  await expect(phaseTitles(b).first()).toHaveValue('Auftakt', SETTLED);

  // 5000 characters pasted into a title that holds 500: refused whole, and the user is told.
  await field.press('End');
  await a.keyboard.insertText('x'.repeat(5000));
  const refusal = a.getByRole('alert').filter({ hasText: 'höchstens 500 Zeichen' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('5007');
  await expect(field).toHaveValue('Auftakt');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(phaseTitles(b).first()).toHaveValue('Auftakt');

  // Up to the limit it is taken, and the counter shows how close it is (from 80 %).
  const near = ' ' + 'y'.repeat(400 - 'Auftakt'.length - 1);
  await a.keyboard.insertText(near);
  await expect(refusal).toBeHidden();
  const counter = a.locator(`[id="${await field.getAttribute('id')}-count"]`);
  await expect(counter).toHaveText('400 von 500 Zeichen');
  await expect(field).toHaveAttribute('aria-describedby', /-count/);
  await a.keyboard.insertText('z'.repeat(100));
  await expect(counter).toHaveText('500 von 500 Zeichen');
  await a.keyboard.type('!');
  await expect(a.getByRole('alert').filter({ hasText: 'höchstens 500 Zeichen' })).toBeVisible();
  const full = 'Auftakt' + near + 'z'.repeat(100);
  await expect(field).toHaveValue(full);

  // What was taken is saved and reaches the other person.
  await expect(phaseTitles(b).first()).toHaveValue(full, SETTLED);
  await openBoard(b, planId);
  await expect(phaseTitles(b).first()).toHaveValue(full, SETTLED);
  checkOther();
});

test('the limit message speaks the user’s language', async ({ page, browser }) => {
  const { facilitator: a, checkOther } = await facilitatorAnd(browser, page, 'editor');
  const url = new URL(a.url());
  await a.goto(`/en${url.pathname}`);
  const title = a.getByLabel('Plan title', { exact: true });
  await title.click();
  await title.press('End');
  await a.keyboard.insertText('x'.repeat(600));
  await expect(a.getByRole('alert').filter({ hasText: 'at most 500 characters' })).toBeVisible();
  checkOther();
});
