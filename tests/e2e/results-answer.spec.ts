/**
 * Weigh and answer (issue #18, items 2 and 3) with two editors in two browser contexts:
 * A ticks two duplicate letters in the inbox with the keyboard, groups them and answers the
 * cluster once; B's open inbox shows both answered without a reload. B then answers one member on
 * its own: A's open cluster form gets the conflict, and saved again keeps B's answer, marked as
 * answered on its own. "Not adopted" without a
 * reason is refused with a visible message. A and B answer the same letter at the same moment:
 * one is saved, the other gets the conflict message with the stored answer and keeps what they
 * typed. A reply template made on the templates page fills an answer. axe on every new page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { submitAction } from './helpers/form-actions.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** Enters a letter over HTTP, as the inbox's form would (that form has its own spec). */
async function enterLetter(page: Page, planId: string, title: string, text: string) {
  const result = await submitAction(page.request, `/plans/${planId}/results?/create`, {
    channel: 'letter',
    receivedAt: '2026-11-30',
    authorKind: 'person',
    pseudonym: `Anwohnerin ${title}`,
    authorName: 'Erika Mustermann',
    title,
    text,
  });
  expect(result.type).toBe('success');
}

/** A new editor of `planId` in a browser context of their own. */
async function editorOf(browser: Browser, invitation: string, label: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpOverHttp(page, newAccount(label));
  await acceptInviteOverHttp(page, invitation);
  return page;
}

function row(page: Page, title: string) {
  return page.locator('tbody tr', { hasText: title });
}

test('two editors group duplicates, answer once, and never overwrite each other', async ({
  page,
  browser,
}) => {
  // Two contexts, a dozen page loads and five axe runs on the shared machine.
  test.setTimeout(240_000);
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Antworten ${Date.now().toString(36)}`, 'SGA');
  const invitationA = await inviteOverHttp(page, planId, 'editor');
  const invitationB = await inviteOverHttp(page, planId, 'editor');
  await enterLetter(page, planId, 'Bäume Turmstraße', 'Bitte mehr Bäume in der Turmstraße.');
  await enterLetter(page, planId, 'Schatten Turmstraße', 'Mehr Bäume für Schatten, Turmstraße!');
  await enterLetter(page, planId, 'Bank am Spielplatz', 'Eine Bank am Spielplatz wäre schön.');

  const a = await editorOf(browser, invitationA, 'antwort-a');
  const b = await editorOf(browser, invitationB, 'antwort-b');

  // B keeps the inbox open.
  await b.goto(`/plans/${planId}/results`);
  await expect(b.locator('section[data-live="true"]')).toHaveCount(1);
  await expect(b.locator('tbody tr')).toHaveCount(3);

  // A ticks the two duplicates with the keyboard and groups them.
  await a.goto(`/plans/${planId}/results`);
  for (const title of ['Bäume Turmstraße', 'Schatten Turmstraße']) {
    const box = a.getByRole('checkbox', { name: `„${title}“ auswählen` });
    await box.focus();
    await a.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expectNoAxeViolations(a);
  await a.getByLabel('Name der neuen Gruppe (freiwillig)').fill('Bäume Turmstraße');
  await a.getByRole('button', { name: 'Markierte als Duplikate gruppieren' }).click();
  await a.waitForURL(/\/results\/clusters\/[\w-]+$/);
  await expect(a.getByRole('heading', { level: 1 })).toContainText('Bäume Turmstraße');
  await expect(a.locator('tbody tr')).toHaveCount(2);
  await expect(a.locator('div[data-live="true"]')).toHaveCount(1);

  // "Not adopted" without a reason is refused, visibly, at the reason field.
  await a.getByLabel('Entscheidung', { exact: true }).selectOption('not_adopted');
  await a.getByLabel('Antworttext').fill('Leider nicht möglich.');
  await a.getByRole('button', { name: 'Antwort für alle speichern' }).click();
  const reason = a.getByLabel(/^Begründung/);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/Geben Sie eine Begründung an/);
  await expect(a.getByText('Geben Sie eine Begründung an')).toBeVisible();
  await expect(reason).toBeFocused();
  await expect(a.getByLabel('Antworttext')).toHaveValue('Leider nicht möglich.');
  await expectNoAxeViolations(a);

  // With the reason, the cluster is answered once, for both.
  await reason.fill('Die Leitungen unter dem Gehweg lassen keine Bäume zu.');
  await a.getByRole('button', { name: 'Antwort für alle speichern' }).click();
  await expect(a.getByText('Die Antwort ist bei 2 Beiträgen gespeichert.')).toBeVisible();
  await expect(a.getByTestId('member-decision')).toHaveText([
    'Nicht übernommen',
    'Nicht übernommen',
  ]);

  // B's open inbox shows both answered, without a reload.
  await expect(row(b, 'Bäume Turmstraße')).toContainText('Nicht übernommen');
  await expect(row(b, 'Schatten Turmstraße')).toContainText('Nicht übernommen');
  await expect(row(b, 'Bank am Spielplatz')).toContainText('Noch keine Entscheidung');

  // Each member's page carries the fanned-out answer and its history.
  await row(b, 'Schatten Turmstraße')
    .getByRole('link', { name: 'Schatten Turmstraße', exact: true })
    .click();
  await expect(b.getByTestId('current-reason')).toHaveText(
    'Die Leitungen unter dem Gehweg lassen keine Bäume zu.',
  );
  await expect(b.getByTestId('reply-history').locator('tbody tr')).toHaveCount(1);

  // B answers that member on its own while A's cluster form is still open: A's save is refused
  // with the conflict message, and saved again it keeps B's answer, marked as answered alone.
  const ownReason = 'Zwei Bäume passen an die Ecke zur Kirchstraße.';
  await b.getByLabel('Entscheidung', { exact: true }).selectOption('partly_adopted');
  await b.getByLabel(/^Begründung/).fill(ownReason);
  await b.getByRole('button', { name: 'Antwort speichern' }).click();
  await expect(b.getByText('Die Antwort ist gespeichert.')).toBeVisible();
  const clusterAnswer = 'Die Leitungen liegen unter dem ganzen Gehweg.';
  await a.getByLabel(/^Begründung/).fill(clusterAnswer);
  await a.getByRole('button', { name: 'Antwort für alle speichern' }).click();
  await expect(a.getByTestId('reply-conflict')).toContainText(
    'Jemand anderes hat inzwischen geantwortet',
  );
  await a.getByRole('button', { name: 'Antwort für alle speichern' }).click();
  await expect(
    a.getByText(
      'Die Antwort ist bei 1 Beitrag gespeichert. Einzeln beantwortete Beiträge behalten ihre eigene Antwort: 1.',
    ),
  ).toBeVisible();
  const ownRow = row(a, 'Schatten Turmstraße');
  await expect(ownRow.getByTestId('member-decision')).toHaveText('Teilweise übernommen');
  await expect(ownRow.getByTestId('member-own-answer')).toHaveText('einzeln beantwortet');
  await expect(row(a, 'Bäume Turmstraße').getByTestId('member-own-answer')).toHaveCount(0);
  await expect(a.getByTestId('cluster-own-note')).toContainText('Einzeln beantwortet: 1.');
  await expectNoAxeViolations(a);
  await b.reload();
  await expect(b.getByTestId('current-reason')).toHaveText(ownReason);

  // A and B answer the same letter at the same moment.
  const itemUrl = await (async () => {
    await b.goto(`/plans/${planId}/results`);
    const href = await row(b, 'Bank am Spielplatz').getByRole('link').first().getAttribute('href');
    return href ?? '';
  })();
  await Promise.all([a.goto(itemUrl), b.goto(itemUrl)]);
  await expect(a.locator('div[data-live="true"]')).toHaveCount(1);
  await expect(b.locator('div[data-live="true"]')).toHaveCount(1);
  const typed = { a: 'Die Bank kommt im Frühjahr.', b: 'Eine Bank ist bereits bestellt.' };
  for (const [who, editor] of [
    ['a', a],
    ['b', b],
  ] as const) {
    await editor.getByLabel('Entscheidung', { exact: true }).selectOption('adopted');
    await editor.getByLabel('Antworttext').fill(typed[who]);
  }
  await Promise.all([
    a.getByRole('button', { name: 'Antwort speichern' }).click(),
    b.getByRole('button', { name: 'Antwort speichern' }).click(),
  ]);
  const conflictA = a.getByTestId('reply-conflict');
  const conflictB = b.getByTestId('reply-conflict');
  await expect
    .poll(async () => (await conflictA.count()) + (await conflictB.count()), { timeout: 15_000 })
    .toBe(1);
  const aLost = (await conflictA.count()) === 1;
  const [loser, winner] = aLost ? [a, b] : [b, a];
  const [lostText, wonText] = aLost ? [typed.a, typed.b] : [typed.b, typed.a];
  await expect(winner.getByText('Die Antwort ist gespeichert.')).toBeVisible();
  await expect(winner.getByTestId('reply-conflict')).toHaveCount(0);
  const conflict = loser.getByTestId('reply-conflict');
  await expect(conflict).toContainText('Jemand anderes hat inzwischen geantwortet');
  await expect(conflict.getByTestId('current-response')).toHaveText(wonText);
  // Nothing lost: the loser's words are still in the form, the winner's are stored.
  await expect(loser.getByLabel('Antworttext')).toHaveValue(lostText);
  await expect(winner.getByTestId('current-response')).toHaveText(wonText);
  await expectNoAxeViolations(loser);

  // A makes a reply template and uses it on the letter.
  await a.goto(`/plans/${planId}/results/templates`);
  await a.getByLabel('Name der Vorlage').fill('Dank und Prüfung');
  await a.getByLabel('Entscheidung').selectOption('noted');
  await a.getByLabel('Begründung').fill('Wir prüfen das mit dem Fachamt.');
  await a.getByLabel('Antworttext').fill('Vielen Dank für Ihren Hinweis.');
  await a.getByRole('button', { name: 'Vorlage anlegen' }).click();
  await expect(a.getByText('Die Vorlage ist angelegt.')).toBeVisible();
  await expect(a.getByText('Dank und Prüfung')).toBeVisible();
  await expectNoAxeViolations(a);

  await a.goto(itemUrl);
  await a.getByLabel('Antwortvorlage').selectOption({ label: 'Dank und Prüfung' });
  await a.getByRole('button', { name: 'Vorlage einsetzen' }).click();
  await expect(a.getByLabel('Entscheidung', { exact: true })).toHaveValue('noted');
  await expect(a.getByLabel(/^Begründung/)).toHaveValue('Wir prüfen das mit dem Fachamt.');
  await expect(a.getByLabel('Antworttext')).toHaveValue('Vielen Dank für Ihren Hinweis.');
  await a.getByRole('button', { name: 'Antwort speichern' }).click();
  await expect(a.getByText('Die Antwort ist gespeichert.')).toBeVisible();
  await expect(a.getByTestId('current-decision')).toContainText('Zur Kenntnis genommen');
  await expect(a.getByTestId('reply-history').locator('tbody tr')).toHaveCount(2);

  // Assigned to a department with a due date in the past; reopened without a decision, the
  // letter is marked overdue.
  await a.getByLabel('Zuständige Stelle (Fachamt)').fill('Straßen- und Grünflächenamt');
  await a.getByLabel('Zu erledigen bis').fill('2026-01-15');
  await a.getByLabel('Bearbeitungsstand', { exact: true }).selectOption('in_review');
  await a.getByRole('button', { name: 'Zuständigkeit speichern' }).click();
  await expect(a.getByTestId('item-state')).toHaveText('In Prüfung');
  await expect(a.getByLabel('Zuständige Stelle (Fachamt)')).toHaveValue(
    'Straßen- und Grünflächenamt',
  );
  await expect(a.getByTestId('overdue')).toHaveCount(0);
  await a.getByLabel('Entscheidung', { exact: true }).selectOption('');
  await a.getByRole('button', { name: 'Antwort speichern' }).click();
  await expect(a.getByTestId('overdue')).toContainText('Überfällig');
  await expect(a.getByTestId('reply-history').locator('tbody tr')).toHaveCount(3);
  await expectNoAxeViolations(a);

  await a.context().close();
  await b.context().close();
});
