/**
 * Two people type different words into the same rich-text field at the same moment: both boards
 * end with the same text and each word stays whole (the two words may come in either order, but
 * their letters never interleave). Once into an empty field (both editors create the first
 * paragraph at once) and once at the end of existing text, in an overview field and in a phase
 * goal.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd } from './board-helpers.js';

const WORD_A = 'Sonnenblume';
const WORD_B = 'Regenschirm';
/** Per key, so the two typists' keystrokes overlap over the whole word. */
const TYPING = { delay: 45 };

/**
 * Both type at once: each puts the caret at the end of the field first, then both type their
 * word together, each keystroke reaching the other page while it is still typing. (Placing a
 * caret behind someone's half-typed word is a different case: the caret is then in that word,
 * and what is typed there lands in it, as in any editor.)
 */
async function typeAtOnce(fieldA: Locator, wordA: string, fieldB: Locator, wordB: string) {
  const caretToEnd = async (field: Locator) => {
    await field.click();
    await field.press('Control+End');
  };
  await Promise.all([caretToEnd(fieldA), caretToEnd(fieldB)]);
  await Promise.all([
    fieldA.page().keyboard.type(wordA, TYPING),
    fieldB.page().keyboard.type(wordB, TYPING),
  ]);
}

/** Waits until both fields show the same text containing both words, and returns it. */
async function settledText(fieldA: Locator, fieldB: Locator): Promise<string> {
  await expect(fieldA).toContainText(WORD_B);
  await expect(fieldB).toContainText(WORD_A);
  const compare = async () => {
    const [textA, textB] = [await fieldA.innerText(), await fieldB.innerText()];
    return textA === textB ? 'equal' : `A: ${JSON.stringify(textA)}, B: ${JSON.stringify(textB)}`;
  };
  await expect.poll(compare, { timeout: 15_000 }).toBe('equal');
  return fieldA.innerText();
}

function richText(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

test('two people typing in the same rich-text field keep both words', async ({ browser, page }) => {
  // Two sign-ups and two rounds of typing at human speed in two browsers.
  test.setTimeout(120_000);
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');

  // An empty overview field: both create its first paragraph at the same moment.
  const occasionA = richText(a, 'Anlass');
  const occasionB = richText(b, 'Anlass');
  await typeAtOnce(occasionA, WORD_A, occasionB, WORD_B);
  const occasion = await settledText(occasionA, occasionB);
  expect(occasion).toContain(WORD_A);
  expect(occasion).toContain(WORD_B);

  // The same field again, both typing at the end of the text that is there now.
  await typeAtOnce(occasionA, ' Gartenzaun', occasionB, ' Fahrradweg');
  const again = await settledText(occasionA, occasionB);
  for (const word of [WORD_A, WORD_B, 'Gartenzaun', 'Fahrradweg']) expect(again).toContain(word);

  checkOther();
});

test('two people typing in the same phase goal keep both words', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  // A phase goal (a Y.XmlText nested in the phase's record), with text in it already.
  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Auftakt');
  const goalA = richText(a, 'Ziel der Phase');
  const goalB = richText(b, 'Ziel der Phase');
  await goalA.click();
  await a.keyboard.type('Ziel: ');
  await expect(goalB).toHaveText('Ziel:');
  await typeAtOnce(goalA, WORD_A, goalB, WORD_B);
  const goal = await settledText(goalA, goalB);
  expect(goal).toContain(WORD_A);
  expect(goal).toContain(WORD_B);
  expect(goal.startsWith('Ziel:')).toBe(true);

  checkOther();
});

test('a rich-text field shows its limit as it nears it and refuses input beyond it', async ({
  browser,
  page,
}) => {
  // Two sign-ups and 4,000 characters typed into one field and synced.
  test.setTimeout(120_000);
  const { facilitator: a, other: b, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Auftakt');
  const goalA = richText(a, 'Ziel der Phase');
  const goalB = richText(b, 'Ziel der Phase');
  const counter = a.getByText(/von 5\.000 Zeichen/);

  // Below 80 % of the phase goal's 5,000 characters nothing is shown; from there on the count.
  await goalA.click();
  await a.keyboard.insertText('x'.repeat(3_900));
  await expect(goalB).toHaveText('x'.repeat(3_900));
  await expect(counter).toHaveCount(0);
  await a.keyboard.insertText('y'.repeat(200));
  await expect(counter).toHaveText('4.100 von 5.000 Zeichen');
  await expect(goalA).toHaveAttribute('aria-describedby', /length/);

  // A paste that would pass the limit is refused whole, visibly; nothing reaches the other page.
  await goalA.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, 'z'.repeat(1_000));
  await expect(
    a
      .getByRole('alert')
      .filter({ hasText: 'Nicht übernommen: Dieses Feld fasst höchstens 5.000 Zeichen.' }),
  ).toBeVisible();
  await expect(counter).toHaveText('4.100 von 5.000 Zeichen');
  expect((await goalA.innerText()).length).toBe(4_100);

  // Input that fits is taken again and the message goes away.
  await a.keyboard.type('ok');
  await expect(counter).toHaveText('4.102 von 5.000 Zeichen');
  await expect(a.getByText('Nicht übernommen')).toHaveCount(0);
  await expect(goalB).toHaveText(`${'x'.repeat(3_900)}${'y'.repeat(200)}ok`);
  checkOther();
});
