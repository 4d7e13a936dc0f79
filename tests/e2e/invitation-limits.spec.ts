import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import {
  ADMIN,
  fillLogin,
  newAccount,
  signInOverHttp,
  signUpOverHttp,
  type Account,
} from './helpers/accounts.js';
import { acceptInvite, acceptInviteOverHttp, createPlanOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A second browser with a freshly registered account. */
async function personIn(
  browser: Browser,
  label: string,
): Promise<{ page: Page; account: Account }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = newAccount(label);
  await signUpOverHttp(page, account);
  return { page, account };
}

/** Creates a link on the members page with the form's choices; returns the link. */
async function createLink(
  page: Page,
  planId: string,
  options: { role?: string; maxUses?: number; email?: string } = {},
): Promise<string> {
  await page.goto(`/plans/${planId}/members`);
  await page.getByLabel('Rolle', { exact: true }).selectOption(options.role ?? 'editor');
  if (options.maxUses !== undefined) {
    await page.getByLabel('Mehrmals, höchstens:').check();
    await page.getByLabel('Höchstzahl der Annahmen').fill(String(options.maxUses));
  }
  if (options.email !== undefined) {
    await page.getByLabel('Nur für diese E-Mail-Adresse (optional)').fill(options.email);
  }
  await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
  const field = page.getByLabel('Einladungslink');
  await expect(field).toHaveValue(/\/invite\//);
  return field.inputValue();
}

test('a link for one address is refused to another account and logged when accepted', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Nur für Bea ${Date.now()}`, 'Bezirksamt');
  const bea = newAccount('bea');
  const link = await createLink(page, planId, { email: bea.email.toUpperCase() });
  const open = page.getByRole('table').filter({ hasText: 'Gültig bis' });
  await expect(open).toContainText(bea.email);
  await expect(open).toContainText('0 von 1');

  const eve = await personIn(browser, 'eve');
  await eve.page.goto(link);
  await expect(eve.page.getByRole('alert')).toHaveText(
    'Diese Einladung gilt nur für eine andere E-Mail-Adresse. Melden Sie sich mit dem Konto dieser Adresse an.',
  );
  await expect(eve.page.getByRole('button', { name: 'Einladung annehmen' })).toHaveCount(0);

  const beaContext = await browser.newContext();
  const beaPage = await beaContext.newPage();
  await signUpOverHttp(beaPage, bea);
  expect(await acceptInvite(beaPage, link)).toBe(planId);

  await page.goto(`/plans/${planId}/members`);
  await expect(page.getByText('Keine offenen Einladungen.')).toBeVisible();
  const log = page.getByRole('table').filter({ hasText: 'Angenommen am' });
  await expect(log.getByRole('row', { name: new RegExp(bea.name) })).toContainText(ADMIN.name);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
  await eve.page.context().close();
  await beaContext.close();
});

test('two people accepting a single-use link at the same moment: exactly one gets in', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Einmal ${Date.now()}`, 'Bezirksamt');
  const link = await createLink(page, planId, { role: 'viewer' });
  const first = await personIn(browser, 'first');
  const second = await personIn(browser, 'second');
  await Promise.all([first.page.goto(link), second.page.goto(link)]);
  await Promise.all(
    [first.page, second.page].map((person) =>
      person.getByRole('button', { name: 'Einladung annehmen' }).click(),
    ),
  );
  const outcomes = await Promise.all(
    [first.page, second.page].map(async (person) => {
      const onPlan = person.waitForURL(new RegExp(`/plans/${planId}$`)).then(() => 'in');
      const refused = person
        .getByRole('alert')
        .filter({ hasText: 'Diese Einladung wurde schon so oft angenommen, wie sie erlaubt.' })
        .waitFor()
        .then(() => 'refused');
      return Promise.race([onPlan, refused]);
    }),
  );
  expect(outcomes.sort()).toEqual(['in', 'refused']);
  await page.goto(`/plans/${planId}/members`);
  await expect(
    page.getByRole('table').filter({ hasText: 'Angenommen am' }).getByRole('row'),
  ).toHaveCount(2);
  await first.page.context().close();
  await second.page.context().close();
});

test('a multi-use link is listed with its count and can be revoked', async ({ page, browser }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Mehrmals ${Date.now()}`, 'Bezirksamt');
  const link = await createLink(page, planId, { role: 'commenter', maxUses: 2 });
  const person = await personIn(browser, 'team');
  await acceptInviteOverHttp(person.page, link);
  await page.goto(`/plans/${planId}/members`);
  const row = page.getByRole('table').filter({ hasText: 'Gültig bis' }).getByRole('row').nth(1);
  await expect(row).toContainText('1 von 2');
  await expect(row).toContainText('alle mit dem Link');
  await row
    .getByRole('button', { name: /^Zurückziehen: Einladung mit der Rolle „Kommentieren“/ })
    .click();
  await expect(page.getByRole('status')).toHaveText('Die Einladung wurde zurückgezogen.');
  await expect(page.getByText('Keine offenen Einladungen.')).toBeVisible();

  const late = await personIn(browser, 'late');
  await late.page.goto(link);
  await expect(late.page.getByRole('alert')).toHaveText('Diese Einladung wurde zurückgezogen.');
  await person.page.context().close();
  await late.page.context().close();
});

test('a viewer sees the members by name only, without e-mail addresses', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Datenschutz ${Date.now()}`, 'Bezirksamt');
  const link = await createLink(page, planId, { role: 'viewer' });
  const viewer = await personIn(browser, 'viewer');
  await acceptInviteOverHttp(viewer.page, link);
  await viewer.page.goto(`/plans/${planId}/members`);
  await expect(viewer.page.getByRole('row', { name: new RegExp(ADMIN.name) })).toBeVisible();
  expect(await viewer.page.content()).not.toContain(ADMIN.email);
  await expect(viewer.page.getByRole('columnheader', { name: 'E-Mail-Adresse' })).toHaveCount(0);
  await viewer.page.context().close();
});

test('a locked account is told how long it stays locked', async ({ page }) => {
  const account = newAccount('locked');
  await signUpOverHttp(page, account);
  await page.context().clearCookies(); // signed out
  await page.goto('/login');
  const submitted = () =>
    page.waitForResponse((response) => response.request().method() === 'POST');
  for (let attempt = 0; attempt < 5; attempt++) {
    await Promise.all([
      submitted(),
      fillLogin(page, { email: account.email, password: 'wrong password, sorry' }),
    ]);
    await expect(page.getByRole('alert')).toContainText('Anmeldung fehlgeschlagen');
  }
  // The right password, too, now waits for the lock to end.
  await Promise.all([submitted(), fillLogin(page, account)]);
  await expect(page.getByRole('alert')).toHaveText(
    /^Zu viele Fehlversuche\. Versuchen Sie es in 1[45] Minuten wieder\.$/,
  );
  await expect(page).toHaveURL(/\/login/);
});
