/**
 * A role change reaches an open board at once: the facilitator demotes an editor who is typing,
 * and the editor's board says so within seconds, locks the fields and reopens as a viewer; what
 * the editor types after the demotion never reaches the facilitator. A removal is announced the
 * same way, with a way back to the plans list.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, guardPage, waitConnected } from './board-helpers.js';

/** The facilitator's members page in a second tab, the board staying open in the first. */
async function openMembers(facilitator: Page, planId: string): Promise<Page> {
  const members = await facilitator.context().newPage();
  await members.goto(`/plans/${planId}/members`);
  return members;
}

// Two people sign up, join and type: more than the default on a busy machine.
test.describe.configure({ timeout: 180_000 });

const goalsOf = (page: Page) => page.getByRole('textbox', { name: 'Ziele', exact: true });

test('an editor demoted while typing is told at once and continues read-only', async ({
  browser,
  page,
}) => {
  const {
    facilitator,
    other: editor,
    otherAccount,
    planId,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  const members = await openMembers(facilitator, planId);
  const checkMembers = guardPage(members, 'members page');

  await goalsOf(editor).click();
  await editor.keyboard.type('Vorher ');
  await expect(goalsOf(facilitator)).toContainText('Vorher');

  // The editor keeps typing while the facilitator changes the role.
  let typing = true;
  const typed = (async () => {
    while (typing) await editor.keyboard.type('a', { delay: 40 });
  })();
  await members.getByLabel(`Rolle von ${otherAccount.name}`).selectOption('viewer');
  const changed = members.waitForResponse((r) => r.url().includes('?/changeRole'));
  const clickedAt = Date.now();
  await members.getByRole('button', { name: `Rolle ändern: ${otherAccount.name}` }).click();
  expect((await changed).status()).toBe(200);
  // The change is committed and announced: whatever the editor types from now on is after it.
  await editor.keyboard.type('NACHHER');

  const notice = editor.getByRole('alert').filter({ hasText: 'Ihre Rolle wurde auf „Lesen“' });
  try {
    await expect(notice).toBeVisible({ timeout: 5_000 });
    console.info(`the demoted editor saw the message ${Date.now() - clickedAt} ms after the click`);
  } finally {
    typing = false;
    await typed;
  }
  await expect(goalsOf(editor)).toHaveAttribute('contenteditable', 'false');
  await expect(editor.getByText('Sie können diesen Plan nur lesen')).toBeVisible();
  await waitConnected(editor);

  // The facilitator's next edit reaches the former editor, so the connection is live again;
  // nothing typed after the demotion came the other way.
  await goalsOf(facilitator).click();
  await facilitator.keyboard.press('End');
  await facilitator.keyboard.type(' Von der Prozessbegleitung');
  await expect(goalsOf(editor)).toContainText('Von der Prozessbegleitung');
  await expect(goalsOf(facilitator)).not.toContainText('NACHHER');
  await expect(goalsOf(facilitator)).toContainText('Vorher');

  checkMembers();
  checkOther();
});

test('a removed member is told so, the board locks and links to the plans list', async ({
  browser,
  page,
}) => {
  const {
    facilitator,
    other: editor,
    otherAccount,
    planId,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  const members = await openMembers(facilitator, planId);
  const checkMembers = guardPage(members, 'members page');
  await goalsOf(editor).click();
  await editor.keyboard.type('Bis hierhin');
  await expect(goalsOf(facilitator)).toContainText('Bis hierhin');

  const removed = members.waitForResponse((r) => r.url().includes('?/remove'));
  await members.getByRole('button', { name: `Entfernen: ${otherAccount.name}` }).click();
  expect((await removed).status()).toBe(200);
  await editor.keyboard.type(' ENTFERNT');

  const notice = editor.getByRole('alert').filter({ hasText: 'Sie wurden aus dem Plan entfernt.' });
  await expect(notice).toBeVisible({ timeout: 5_000 });
  await expect(goalsOf(editor)).toHaveAttribute('contenteditable', 'false');
  await expect(goalsOf(facilitator)).not.toContainText('ENTFERNT');

  await notice.getByRole('link', { name: 'Zu meinen Prozessplänen' }).click();
  await expect(editor).toHaveURL(/\/$/);

  checkMembers();
  checkOther();
});
