/**
 * Releasing a plan's answers (issue #18), in two facilitators' browsers and one anonymous one:
 * the coverage overview counts live while facilitator B watches; A's release request is blocked
 * by unanswered items, listed with links; once answered, A requests, cannot sign off their own
 * request (no button, and the server refuses a forged one), B signs off and the answers are public.
 * Without login, the public page and the receipt-code lookup show the answer without the writer's
 * name, e-mail or address, while the address's common words stay in the answer. axe on the
 * overview with its charts, the public page and the lookup.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { APP_ORIGIN } from './helpers/ports.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';
import { submitAction } from './helpers/form-actions.js';
import {
  accountIdOf,
  addContribution,
  answerContribution,
  contributionByText,
} from './helpers/result-items.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NAME = 'Erika Mustermann';
const EMAIL = 'erika.mustermann@example.org';
/** A postal address: its lines go, its words ("Park", "Berlin") stay in other sentences. */
const ADDRESS = 'Am Park 3\n10115 Berlin';
const LETTER = 'Bitte pflanzen Sie mehr Bäume am Spielplatz, damit die Kinder Schatten haben.';
const IDEA = 'Eine Wasserstelle für heiße Sommertage.';
const CARD = 'Mehr Bänke für ältere Menschen am Rand des Spielplatzes.';
const REASON = 'Der Platz reicht für eine Wasserstelle nicht; wir prüfen den Nachbarpark.';
const ANSWER = 'Das Land Berlin pflanzt im Herbst sechs Linden am Park entlang der Ostseite.';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
}

/** The count in the row `label` of the chart table `chart` (by its test id). */
function countIn(page: Page, chart: string, label: string) {
  return page
    .getByTestId(`chart-${chart}`)
    .getByRole('row', { name: new RegExp(`^${label} \\d+$`) })
    .getByRole('cell');
}

/** Console errors and CSP reports of a page the fixture's guard does not watch. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

test('two facilitators release answers; anyone reads them and their own by receipt code', async ({
  page,
  browser,
}) => {
  // Three browsers, a dozen page loads and four axe runs on the shared machine.
  test.setTimeout(240_000);
  // A: the installation's facilitator makes the plan and invites B as a second facilitator.
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Spielplatz ${Date.now().toString(36)}`, 'SGA');
  // Invitations are for up to editors; the facilitator role is given on the members page.
  const link = await inviteOverHttp(page, planId, 'editor');
  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  const bProblems = watchConsole(b);
  const accountB = newAccount('zweitzeichnung');
  await signUpOverHttp(b, accountB);
  await acceptInviteOverHttp(b, link);
  await submitAction(page.request, `/plans/${planId}/members?/changeRole`, {
    userId: await accountIdOf(accountB.email),
    role: 'facilitator',
  });

  // A letter with a name and an e-mail address, answered; an online idea without an answer.
  const letter = await addContribution(
    planId,
    {
      channel: 'letter',
      sourceSystem: 'manual',
      receivedAt: '2026-11-02',
      authorKind: 'person',
      pseudonym: 'Anwohnerin Turmstraße',
      authorName: NAME,
      authorContact: `${EMAIL}\n${ADDRESS}`,
      title: 'Schatten am Spielplatz',
      text: LETTER,
    },
    ADMIN.email,
  );
  await answerContribution(
    planId,
    letter.id,
    { decision: 'adopted', response: ANSWER },
    ADMIN.email,
  );
  const idea = await addContribution(
    planId,
    {
      channel: 'platform',
      sourceSystem: 'mein.berlin',
      sourceRef: 'idee-17',
      receivedAt: '2026-11-03',
      authorKind: 'anonymous',
      pseudonym: 'sonnenschein',
      text: IDEA,
    },
    ADMIN.email,
  );

  // B keeps the overview open.
  await b.goto(`/plans/${planId}/results/overview`);
  await expect(b.locator('section[data-live="true"]')).toHaveCount(1);
  await expect(b.getByTestId('coverage-total')).toContainText('Zu beantwortende Beiträge: 2');
  await expect(countIn(b, 'by-channel', 'Werkstatt')).toHaveText('0');

  // A enters a workshop card through the app: B's figures follow without a reload.
  const created = await page.request.post(`/plans/${planId}/results?/create`, {
    form: { channel: 'workshop', receivedAt: '2026-11-04', authorKind: 'anonymous', text: CARD },
    headers: { Origin: APP_ORIGIN, Accept: 'application/json' },
  });
  expect(created.ok()).toBe(true);
  await expect(b.getByTestId('coverage-total')).toContainText('Zu beantwortende Beiträge: 3');
  await expect(countIn(b, 'by-channel', 'Werkstatt')).toHaveText('1');
  await expect(countIn(b, 'by-decision', 'Noch keine Entscheidung')).toHaveText('2');
  await expect(b.getByTestId('gap-without-decision').getByRole('listitem')).toHaveCount(2);
  const card = await contributionByText(planId, CARD);

  // A asks for the release: refused, with what is missing, each item linked.
  await page.goto(`/plans/${planId}/results/overview`);
  await expect(page.getByRole('img', { name: /Beiträge nach Eingangsweg/ })).toBeVisible();
  await expect(countIn(page, 'by-decision', 'Übernommen')).toHaveText('1');
  await expect(page.getByTestId('release-readiness')).toContainText('2 ohne Entscheidung');
  await page.getByRole('button', { name: 'Freigabe beantragen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Die Freigabe ist blockiert: 2 Beiträge ohne Entscheidung, 0 Beiträge ohne Begründung.',
  );
  const missing = page.getByTestId('gap-without-decision');
  await expect(missing.getByRole('link', { name: IDEA })).toHaveAttribute(
    'href',
    `/plans/${planId}/results/${idea.id}`,
  );
  await expect(missing.getByRole('link', { name: CARD })).toHaveAttribute(
    'href',
    `/plans/${planId}/results/${card.id}`,
  );
  await expect(page.getByTestId('release-history')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Answered (one with a decision that needs a reason, first without it: still blocked).
  await answerContribution(planId, idea.id, { decision: 'not_adopted' }, ADMIN.email);
  await answerContribution(
    planId,
    card.id,
    { decision: 'noted', reason: 'Kommt in die Planung.' },
    ADMIN.email,
  );
  await page.reload();
  await expect(
    page.getByTestId('gap-without-reason').getByRole('link', { name: IDEA }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Freigabe beantragen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    '0 Beiträge ohne Entscheidung, 1 Beiträge ohne Begründung',
  );
  await answerContribution(planId, idea.id, { reason: REASON }, ADMIN.email);
  await page.reload();
  await expect(page.getByTestId('release-readiness')).toHaveText(
    'Alle Beiträge haben eine Entscheidung und, wo nötig, eine Begründung.',
  );

  // A requests; the sign-off is not A's to give.
  await page.getByRole('button', { name: 'Freigabe beantragen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Freigabe beantragt.' })).toBeVisible();
  await expect(page.getByTestId('open-request')).toContainText(`${ADMIN.name} hat die Freigabe`);
  await expect(page.getByText('Sie haben diese Freigabe beantragt.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abzeichnen und veröffentlichen' })).toHaveCount(0);
  const releaseId =
    (await page.locator('input[name="releaseId"]').first().getAttribute('value')) ?? '';
  const forged = await page.request.post(`/plans/${planId}/results/overview?/signOff`, {
    form: { releaseId },
    headers: { Origin: APP_ORIGIN, Accept: 'application/json' },
  });
  expect(JSON.stringify(await forged.json())).toContain('four_eyes');

  // B's open overview offers the sign-off without a reload; B signs off.
  const signOff = b.getByRole('button', { name: 'Abzeichnen und veröffentlichen' });
  await expect(signOff).toBeVisible();
  await signOff.click();
  await expect(b.getByRole('status').filter({ hasText: 'Freigegeben: 3 Antworten' })).toBeVisible();
  const history = b.getByTestId('release-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('Veröffentlicht');
  await expect(history).toContainText(accountB.name);
  // A's page follows: the request is closed, the history shows who signed off.
  await expect(page.getByTestId('open-request')).toHaveCount(0);
  await expect(page.getByTestId('release-history')).toContainText(accountB.name);
  const publicHref = await b
    .getByRole('link', { name: 'Veröffentlichte Antworten (ohne Anmeldung)' })
    .getAttribute('href');
  expect(publicHref).toBe(`/p/${planId}/results`);
  expect(bProblems).toEqual([]);
  await bContext.close();

  // Anyone, without an account: the public page.
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  const anonymousProblems = watchConsole(anonymous);
  const response = await anonymous.goto(publicHref ?? '');
  expect(response?.status()).toBe(200);
  await expect(anonymous.getByText(/Angemeldet als/)).toHaveCount(0);
  await expect(anonymous.getByTestId('public-total')).toHaveText('Veröffentlichte Antworten: 3');
  const letterAnswer = anonymous.locator(`#answer-${letter.id}`);
  await expect(letterAnswer.getByRole('heading', { name: 'Schatten am Spielplatz' })).toBeVisible();
  await expect(letterAnswer).toContainText('Von: Anwohnerin Turmstraße');
  await expect(letterAnswer).toContainText(ANSWER);
  await expect(anonymous.locator(`#answer-${idea.id}`)).toContainText(REASON);
  await expect(anonymous.locator(`#answer-${idea.id}`)).toContainText('Nicht übernommen');
  let html = await anonymous.content();
  expect(html).not.toContain(NAME);
  expect(html).not.toContain(EMAIL);
  expect(html).not.toContain('10115');
  await expectNoAxeViolations(anonymous);

  // The receipt code, typed the way people type it, opens the answer to one's own letter.
  await anonymous.getByRole('link', { name: /mit dem Eingangscode finden/ }).click();
  await expect(
    anonymous.getByRole('heading', { name: 'Antwort zum eigenen Beitrag finden' }),
  ).toBeVisible();
  const field = anonymous.getByLabel('Eingangscode');
  await field.fill('ABCDE-FGH2');
  await anonymous.getByRole('button', { name: 'Antwort anzeigen' }).click();
  await expect(anonymous.getByRole('alert')).toContainText('zehn Zeichen');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  const typed = `${letter.receiptCode.slice(0, 5)} ${letter.receiptCode.slice(5)}`.toLowerCase();
  await field.fill(typed);
  await anonymous.getByRole('button', { name: 'Antwort anzeigen' }).click();
  const result = anonymous.getByRole('region', { name: /Ihr Beitrag zum Verfahren/ });
  await expect(result).toBeFocused();
  await expect(result).toContainText('Schatten am Spielplatz');
  await expect(result).toContainText('Übernommen');
  await expect(result).toContainText(ANSWER);
  expect(anonymous.url()).not.toContain(letter.receiptCode);
  html = await anonymous.content();
  expect(html).not.toContain(NAME);
  expect(html).not.toContain(EMAIL);
  expect(html).not.toContain('10115');
  await expectNoAxeViolations(anonymous);
  expect(anonymousProblems).toEqual([]);
  await anonymousContext.close();
});
