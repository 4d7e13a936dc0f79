/**
 * Asynchronous comments (issue #5): a department member (commenter) comments on a phase and on a
 * sentence of the goals, mentioning the facilitator, while the facilitator is away. The
 * facilitator signs in later, sees the unread threads on the board and the mentions in the inbox,
 * replies and resolves; the member's board shows the reply live. axe on the inbox and on the
 * board with the sidebar open.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import {
  ADMIN,
  login,
  logout,
  newAccount,
  signInOverHttp,
  signUpOverHttp,
} from './helpers/accounts.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';
import { facilitatorAnd, guardPage, openBoard, waitConnected } from './board-helpers.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SENTENCE = 'Alle Kinder werden gehört.';

/** Selects `text` inside the rich-text field labelled `field`, as a mouse drag would. */
async function selectText(page: Page, field: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: field, exact: true }).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`text not found: ${wanted}`);
  }, text);
}

/** Types into the focused comment field, mentioning `name` through the autocomplete by keyboard. */
async function typeWithMention(
  page: Page,
  before: string,
  name: string,
  whileOpen?: () => Promise<void>,
): Promise<void> {
  await page.keyboard.type(`${before} @${name.slice(0, 2)}`);
  const option = page
    .getByRole('listbox', { name: 'Mitglieder zum Erwähnen' })
    .getByRole('option', { name });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  const field = page.locator(':focus');
  await expect(field).toHaveAttribute(
    'aria-activedescendant',
    (await option.getAttribute('id')) ?? '',
  );
  await whileOpen?.();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test('a member comments while the facilitator is away; the facilitator answers later', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The facilitator prepares the plan: a phase and the goals.
  await signInOverHttp(page, ADMIN);
  const title = `Spielplatz Moabit ${Date.now().toString(36)}`;
  const planId = await createPlanOverHttp(page, title, 'Bezirksamt Mitte');
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Auftakt');
  const goals = page.getByRole('textbox', { name: 'Ziele', exact: true });
  await goals.click();
  await page.keyboard.type(`Wir bauen einen Spielplatz. ${SENTENCE} Danach entscheidet die BVV.`);
  await expect(goals).toContainText(SENTENCE);
  const link = await inviteOverHttp(page, planId, 'commenter');
  await logout(page); // away

  // The department member, in a browser of their own.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const checkMember = guardPage(member, 'member');
  const account = newAccount('fachamt');
  await signUpOverHttp(member, account);
  await acceptInviteOverHttp(member, link);
  await openBoard(member, planId);
  await expect(member.getByText(/Sie können Kommentare lesen/)).toHaveCount(0);

  // On the phase.
  await member.getByRole('button', { name: 'Kommentieren: Auftakt' }).click();
  const sidebar = member.getByRole('complementary', { name: 'Kommentare' });
  await expect(sidebar.getByLabel('Kommentar', { exact: true })).toBeFocused();
  await typeWithMention(member, 'Reicht eine Woche für den Auftakt?', ADMIN.name, async () => {
    // The only other member is offered; axe is clean with the suggestion list open.
    await expect(
      member.getByRole('listbox', { name: 'Mitglieder zum Erwähnen' }).getByRole('option'),
    ).toHaveCount(1);
    const axe = await new AxeBuilder({ page: member })
      .include('.comments-sidebar')
      .withTags(WCAG_21_AA)
      .analyze();
    expect(axe.violations).toEqual([]);
  });
  await expect(sidebar.getByLabel('Kommentar', { exact: true })).toHaveValue(
    `Reicht eine Woche für den Auftakt? @${ADMIN.name} `,
  );
  await sidebar.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(sidebar.locator('.mention')).toHaveText(`@${ADMIN.name}`);
  await expect(
    member.getByRole('button', { name: 'Kommentieren: Auftakt – 1 Kommentar' }),
  ).toBeVisible();

  // On a sentence of the goals (the field is read-only for a commenter; the text is selectable).
  await selectText(member, 'Ziele', SENTENCE);
  await member.getByRole('button', { name: 'Textstelle kommentieren: Ziele' }).click();
  await expect(sidebar.locator('.comment-draft blockquote')).toHaveText(SENTENCE);
  await typeWithMention(member, 'Wie hören wir die Kinder?', ADMIN.name);
  await sidebar.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(sidebar.getByRole('button', { name: `Ziele: „${SENTENCE}“` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // The sentence is marked in the field (CSS highlight, no inline style).
  await expect
    .poll(() =>
      member.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, { size: number }> })
          .highlights;
        return registry.get('comment-anchor-active')?.size ?? 0;
      }),
    )
    .toBe(1);

  // The facilitator comes back: unread on the board, mentions in the inbox.
  await login(page, ADMIN);
  await expect(page.getByRole('link', { name: 'Posteingang (2 ungelesen)' })).toBeVisible();
  await openBoard(page, planId);
  await expect(
    page.getByRole('button', { name: 'Kommentieren: Auftakt – 1 Kommentar, 1 ungelesen' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Kommentieren: Ziele – 1 Kommentar, 1 ungelesen' }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'Posteingang (2 ungelesen)' }).click();
  await expect(page.getByRole('heading', { name: 'Posteingang', level: 1 })).toBeVisible();
  const entries = page.locator('.inbox-entry.inbox-unread');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(`${account.name} hat Sie in „${title}“ erwähnt`);
  await expect(entries.first()).toContainText(`Wie hören wir die Kinder? @${ADMIN.name}`);
  const inboxAxe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(inboxAxe.violations).toEqual([]);

  await entries
    .first()
    .getByRole('link', { name: `Im Plan öffnen: ${title}` })
    .click();
  await waitConnected(page);
  const facSidebar = page.getByRole('complementary', { name: 'Kommentare' });
  const thread = facSidebar.locator('.thread').filter({ hasText: 'Wie hören wir die Kinder?' });
  await expect(thread.getByRole('button', { name: `Ziele: „${SENTENCE}“` })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await thread.getByLabel('Antwort').fill('Mit einer Befragung in der Kita.');
  await thread.getByRole('button', { name: 'Antworten' }).click();
  await expect(thread).toContainText('Mit einer Befragung in der Kita.');
  await thread.getByRole('button', { name: 'Erledigt' }).click();
  // Read now: the badge of the goals no longer counts it as unread.
  await expect(
    page.getByRole('button', { name: 'Kommentieren: Ziele – 2 Kommentare' }),
  ).toBeVisible();

  // The member's board shows the reply and the resolution without a reload.
  const memberThread = sidebar.locator('.thread').filter({ hasText: 'Wie hören wir die Kinder?' });
  await expect(memberThread).toContainText('Mit einer Befragung in der Kita.', { timeout: 5_000 });
  await expect(memberThread.locator('.thread-status')).toHaveText('erledigt');
  await expect(member.locator('.board > [aria-live="polite"]')).toHaveText(
    'Neue Kommentare sind eingetroffen.',
  );

  // "Go to anchor" focuses the commented field.
  await thread.getByRole('button', { name: 'Zur Stelle' }).click();
  await expect(page.getByRole('textbox', { name: 'Ziele', exact: true })).toBeFocused();

  // The facilitator deletes the sentence: the thread stays, marked detached, on both boards.
  await selectText(page, 'Ziele', SENTENCE);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('textbox', { name: 'Ziele', exact: true })).not.toContainText(
    SENTENCE,
  );
  await expect(memberThread).toContainText('Die kommentierte Textstelle wurde gelöscht.');
  await expect(thread).toContainText('Die kommentierte Textstelle wurde gelöscht.');

  // The member edits and deletes their own comment on the phase; the facilitator sees it live.
  await sidebar.getByRole('button', { name: 'Alle Kommentare' }).click();
  await sidebar.getByLabel('Meine').check();
  const phaseThread = sidebar.locator('.thread').filter({ hasText: 'Auftakt' });
  await phaseThread.getByRole('button', { name: 'Phase „Auftakt“' }).click();
  await phaseThread.getByRole('button', { name: 'Bearbeiten' }).click();
  const edit = phaseThread.getByLabel('Kommentar bearbeiten');
  await expect(edit).toBeFocused();
  await expect(edit).toHaveValue(`Reicht eine Woche für den Auftakt? @${ADMIN.name}`);
  await edit.fill('Reichen zwei Wochen?');
  await phaseThread.getByRole('button', { name: 'Speichern' }).click();
  await expect(phaseThread).toContainText('Reichen zwei Wochen?');
  await expect(phaseThread).toContainText('(bearbeitet)');
  await phaseThread.getByRole('button', { name: 'Löschen' }).click();
  await phaseThread.getByRole('button', { name: 'Wirklich löschen' }).click();
  await expect(phaseThread.locator('.comment-deleted')).toHaveText('Kommentar gelöscht');
  await expect(
    page.getByRole('button', { name: 'Kommentieren: Auftakt', exact: true }),
  ).toBeVisible();

  // In the inbox the opened thread is read now; the deleted comment is gone from it.
  await page.goto('/inbox');
  await expect(page.locator('.inbox-entry')).toHaveCount(1);
  await expect(page.locator('.inbox-entry.inbox-unread')).toHaveCount(0);

  // axe on the board with the sidebar open (all threads, resolved filter).
  await openBoard(page, planId);
  await page.getByRole('button', { name: /^Kommentare/ }).click();
  await facSidebar.getByLabel('Erledigt').check();
  await expect(facSidebar.locator('.thread')).toHaveCount(1);
  await facSidebar.getByLabel('Erwähnen mich').check();
  await expect(facSidebar.locator('.thread')).toHaveCount(1); // the other mention was deleted
  await facSidebar.getByLabel('Offen').check();
  await expect(facSidebar.locator('.thread')).toHaveCount(1);
  const boardAxe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(boardAxe.violations).toEqual([]);

  // Closing the sidebar puts the focus back on its toggle.
  await facSidebar.getByRole('button', { name: 'Schließen' }).click();
  await expect(page.getByRole('button', { name: /^Kommentare/ })).toBeFocused();
  await expect(facSidebar).toHaveCount(0);

  checkMember();
  await memberContext.close();
});

test('keyboard only: a commenter quotes a passage of a locked field instead of selecting it', async ({
  page,
  browser,
}) => {
  const {
    facilitator,
    other: member,
    checkOther,
  } = await facilitatorAnd(browser, page, 'commenter');
  const goals = facilitator.getByRole('textbox', { name: 'Ziele', exact: true });
  await goals.click();
  await facilitator.keyboard.type(`Wir bauen einen Spielplatz. ${SENTENCE}`);
  const memberGoals = member.getByRole('textbox', { name: 'Ziele', exact: true });
  await expect(memberGoals).toContainText(SENTENCE);
  await expect(member.getByText(/Kommentieren können Sie trotzdem/)).toBeVisible();

  // Focus the locked field and press the announced shortcut without selecting anything.
  await memberGoals.focus();
  await member.keyboard.press('Control+Alt+M');
  const sidebar = member.getByRole('complementary', { name: 'Kommentare' });
  const quote = sidebar.getByLabel('Kommentierte Textstelle');
  await expect(quote).toBeFocused();
  await member.keyboard.type('Alle Kinder werden gefragt.');
  await member.keyboard.press('Tab');
  await expect(sidebar.getByLabel('Kommentar', { exact: true })).toBeFocused();
  await member.keyboard.type('Wer fragt sie?');
  await member.keyboard.press('Tab'); // past the hint to the send button
  await member.keyboard.press('Enter');
  await expect(
    sidebar.getByText('Diese Textstelle steht nicht in dem Feld.', { exact: false }),
  ).toBeVisible();
  await expect(quote).toBeFocused();
  await expect(quote).toHaveAttribute('aria-invalid', 'true');
  await expect(sidebar.getByLabel('Kommentar', { exact: true })).toHaveValue('Wer fragt sie?');

  await quote.fill(SENTENCE);
  await sidebar.getByRole('button', { name: 'Kommentar senden' }).click();
  await expect(sidebar.locator('.thread-quote')).toHaveText(SENTENCE);
  // The facilitator, on the board all along, sees the new thread counted at once.
  await expect(
    facilitator.getByRole('button', { name: 'Kommentieren: Ziele – 1 Kommentar, 1 ungelesen' }),
  ).toBeVisible();

  // A thread on an element that is then removed stays, marked as such.
  await facilitator.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await facilitator.keyboard.type('Befragung');
  await member.getByRole('button', { name: 'Kommentieren: Befragung' }).click();
  await member.keyboard.type('Wer befragt?');
  await sidebar.getByRole('button', { name: 'Kommentar senden' }).click();
  const phaseThread = sidebar.locator('.thread').filter({ hasText: 'Wer befragt?' });
  await expect(phaseThread.getByRole('button', { name: 'Zur Stelle' })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Entfernen: Befragung' }).click();
  await facilitator.getByRole('button', { name: 'Ja, entfernen' }).click();
  await expect(phaseThread).toContainText('Das kommentierte Element wurde entfernt.');
  await expect(phaseThread.getByRole('button', { name: 'Zur Stelle' })).toHaveCount(0);
  checkOther();
});

test('a viewer reads threads, with unread markers, but gets nothing to write with', async ({
  page,
  browser,
}) => {
  const { facilitator, other: viewer, checkOther } = await facilitatorAnd(browser, page, 'viewer');
  await facilitator.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await facilitator.keyboard.type('Auftakt');
  await facilitator.getByRole('button', { name: 'Kommentieren: Auftakt' }).click();
  await facilitator.keyboard.type('Termin steht fest.');
  await facilitator.getByRole('button', { name: 'Kommentar senden' }).click();

  // Live on the viewer's board: the element's button appears with the unread count.
  const button = viewer.getByRole('button', {
    name: 'Kommentieren: Auftakt – 1 Kommentar, 1 ungelesen',
  });
  await expect(button).toBeVisible();
  await expect(viewer.getByRole('button', { name: /^Textstelle kommentieren/ })).toHaveCount(0);
  await button.click();
  const sidebar = viewer.getByRole('complementary', { name: 'Kommentare' });
  await expect(sidebar).toContainText('Sie können Kommentare lesen, aber keine schreiben.');
  await expect(sidebar.getByRole('textbox')).toHaveCount(0);
  await sidebar.getByRole('button', { name: 'Phase „Auftakt“' }).click();
  await expect(sidebar).toContainText('Termin steht fest.');
  await expect(sidebar.getByRole('textbox')).toHaveCount(0);
  await expect(sidebar.getByRole('button', { name: 'Erledigt' })).toHaveCount(0);
  // Opening it marked it read.
  await expect(
    viewer.getByRole('button', { name: 'Kommentieren: Auftakt – 1 Kommentar', exact: true }),
  ).toBeVisible();
  checkOther();
});

test('keyboard: the focus stays on a control when delete, resolve and reopen replace theirs', async ({
  page,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(
    page,
    `Fokus ${Date.now().toString(36)}`,
    'Bezirksamt Mitte',
  );
  await openBoard(page, planId);
  await page.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await page.keyboard.type('Befragung');
  await page.getByRole('button', { name: 'Kommentieren: Befragung' }).click();
  await page.keyboard.type('Wer fragt?');
  await page.getByRole('button', { name: 'Kommentar senden' }).click();
  const sidebar = page.getByRole('complementary', { name: 'Kommentare' });
  const thread = sidebar.locator('.thread').filter({ hasText: 'Befragung' });
  const toggle = thread.getByRole('button', { name: 'Phase „Befragung“' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await thread.getByRole('button', { name: 'Antworten' }).waitFor();

  // Editing: cancelled or saved, the focus goes back to "Bearbeiten".
  const editButton = thread.getByRole('button', { name: 'Bearbeiten' });
  await editButton.focus();
  await page.keyboard.press('Enter');
  const edit = thread.getByLabel('Kommentar bearbeiten');
  await expect(edit).toBeFocused();
  await thread.getByRole('button', { name: 'Abbrechen' }).focus();
  await page.keyboard.press('Enter');
  await expect(editButton).toBeFocused();
  await page.keyboard.press('Enter');
  await edit.fill('Wer fragt? Und wann?');
  await thread.getByRole('button', { name: 'Speichern' }).focus();
  await page.keyboard.press('Enter');
  await expect(thread).toContainText('Wer fragt? Und wann?');
  await expect(editButton).toBeFocused();

  // Delete asks first: the focus moves to the confirmation, and back on cancel.
  await thread.getByRole('button', { name: 'Löschen' }).focus();
  await page.keyboard.press('Enter');
  const confirm = thread.getByRole('button', { name: 'Wirklich löschen' });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(thread.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('button', { name: 'Löschen' })).toBeFocused();
  // Confirmed, the comment's actions go: the focus is on the thread's toggle.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(thread.locator('.comment-deleted')).toHaveText('Kommentar gelöscht');
  await expect(toggle).toBeFocused();

  // Resolve and reopen swap the button: the focus lands on the toggle each time.
  await thread.getByRole('button', { name: 'Erledigt' }).focus();
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('button', { name: 'Wieder öffnen' })).toBeVisible();
  await expect(toggle).toBeFocused();
  await thread.getByRole('button', { name: 'Wieder öffnen' }).focus();
  await page.keyboard.press('Enter');
  await expect(thread.getByRole('button', { name: 'Erledigt' })).toBeVisible();
  await expect(toggle).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toMatch(
    /^thread-.+-body$/,
  );
});
