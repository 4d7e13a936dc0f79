import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import {
  BASE_URL,
  ensureAdminAccount,
  newAccount,
  signInOverHttp,
  signUpOverHttp,
  type Account,
} from './helpers/accounts.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Up to three browsers signing in per test.
test.describe.configure({ timeout: 150_000 });

/**
 * A second browser (its own cookies) signed in as `account`, over HTTP: the login form has its
 * own specs (accounts.spec.ts); here the sessions it creates are the subject.
 */
async function secondBrowser(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOverHttp(page, account);
  return page;
}

/** The header shows the person as signed in, after a fresh load of the plans list. */
async function expectSignedIn(page: Page, account: Account, signedIn: boolean): Promise<void> {
  await page.goto('/');
  const status = page.getByText(`Angemeldet als ${account.name}.`);
  if (signedIn) await expect(status).toBeVisible();
  else await expect(page.getByRole('link', { name: 'Anmelden', exact: true })).toBeVisible();
}

test('the account page lists both browsers and logs out everywhere else', async ({
  page,
  browser,
}) => {
  const account = newAccount('sessions');
  await signUpOverHttp(page, account);
  const other = await secondBrowser(browser, account);

  await page.goto('/');
  await page.getByRole('link', { name: 'Konto', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ihr Konto' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3); // header + two sessions
  await expect(rows.nth(1)).toContainText('diese Sitzung');
  await expect(rows.nth(1)).toContainText('Chrome unter Linux');
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

  await page.getByRole('button', { name: 'Überall sonst abmelden' }).click();
  await expect(page.getByRole('status')).toHaveText('Abgemeldete Sitzungen: 1.');
  await expect(rows).toHaveCount(2);

  await expectSignedIn(other, account, false);
  await expectSignedIn(page, account, true);
  await other.context().close();
});

test('one session is ended from the list; the others stay', async ({ page, browser }) => {
  const account = newAccount('revoke');
  await signUpOverHttp(page, account);
  const second = await secondBrowser(browser, account);
  const third = await secondBrowser(browser, account);

  await page.goto('/account');
  const revokeButtons = page.getByRole('button', { name: /^Sitzung abmelden/ });
  await expect(revokeButtons).toHaveCount(2);
  await revokeButtons.first().click();
  await expect(page.getByRole('status')).toHaveText('Abgemeldete Sitzungen: 1.');
  await expect(revokeButtons).toHaveCount(1);

  const stillIn = await Promise.all(
    [second, third].map(async (p) => {
      await p.goto('/');
      return p.getByText(`Angemeldet als ${account.name}.`).isVisible();
    }),
  );
  expect(stillIn.sort()).toEqual([false, true]);
  await expectSignedIn(page, account, true);
  await second.context().close();
  await third.context().close();
});

test('changing the password needs the current one and signs the other browser out', async ({
  page,
  browser,
}) => {
  const account = newAccount('password');
  await signUpOverHttp(page, account);
  const other = await secondBrowser(browser, account);
  await page.goto('/account');

  await page.getByLabel('Jetziges Passwort').fill('not-my-password');
  await page.getByLabel('Neues Passwort').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByText('Das jetzige Passwort stimmt nicht.')).toBeVisible();
  await expect(page.getByLabel('Jetziges Passwort')).toHaveAttribute('aria-invalid', 'true');

  await page.goto('/account');
  await page.getByLabel('Jetziges Passwort').fill(account.password);
  await page.getByLabel('Neues Passwort').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Ihr Passwort ist geändert. Abgemeldete andere Sitzungen: 1.',
  );
  await expectSignedIn(other, account, false);
  await expectSignedIn(page, account, true);

  // The new password signs in; the old one no longer does.
  const fresh = await secondBrowser(browser, { ...account, password: 'a-brand-new-password' });
  await fresh.context().close();
  await other.context().close();
});

test('a name with a right-to-left override is stored without it', async ({ page }) => {
  await ensureAdminAccount();
  const account = newAccount('bidi');
  const spoofed = `${account.name}\u202Efdp.exe`;
  const response = await page.request.post('/register?/register', {
    form: { email: account.email, name: spoofed, password: account.password, next: '/' },
    headers: { Origin: BASE_URL, Accept: 'application/json' },
  });
  expect(response.ok()).toBe(true);
  await page.goto('/');
  const header = page.getByText(/^Angemeldet als /);
  await expect(header).toContainText(`Angemeldet als ${account.name}fdp.exe.`);
  expect(await page.content()).not.toContain('\u202E');
});
