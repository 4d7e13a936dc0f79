import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import {
  ADMIN,
  ensureAdminAccount,
  fillLogin,
  login,
  logout,
  newAccount,
  registerUser,
  signInOverHttp,
  signUpOverHttp,
} from './helpers/accounts.js';
import { APP_ORIGIN } from './helpers/ports.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('the first account is administrator and facilitator, later ones are neither', async ({
  page,
}) => {
  await login(page, ADMIN);
  await expect(page.getByRole('link', { name: 'Neuen Prozessplan anlegen' })).toBeVisible();
  await page.getByRole('link', { name: 'Konten verwalten' }).click();
  const adminRow = page.getByRole('row', { name: new RegExp(ADMIN.email) });
  await expect(adminRow).toContainText('Administration, Prozessbegleitung');
  await logout(page);

  const later = newAccount('later');
  await registerUser(page, later);
  await expect(page.getByRole('link', { name: 'Neuen Prozessplan anlegen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Konten verwalten' })).toHaveCount(0);
  const response = await page.request.get('/admin');
  expect(response.status()).toBe(403);
});

test('the administrator makes an account a facilitator', async ({ page, browser }) => {
  const member = newAccount('facilitator');
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signUpOverHttp(memberPage, member);

  await signInOverHttp(page, ADMIN);
  await page.goto('/admin');
  const row = page.getByRole('row', { name: new RegExp(member.email) });
  await row.getByRole('button', { name: /Zur Prozessbegleitung machen/ }).click();
  await expect(row).toContainText('Prozessbegleitung');

  await memberPage.goto('/');
  await expect(memberPage.getByRole('link', { name: 'Neuen Prozessplan anlegen' })).toBeVisible();
  await memberContext.close();
});

test('registration names each wrong field', async ({ page }) => {
  await ensureAdminAccount();
  await page.goto('/register');
  await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
  await page.getByLabel('Name (für andere sichtbar)').fill('Someone');
  await page.getByLabel('Passwort').fill('0123456789');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('alert')).toContainText('Bitte korrigieren Sie');
  const email = page.getByLabel('E-Mail-Adresse');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/bereits ein Konto/);
});

test('a wrong password gets a German message, and the session cookie is HTTP-only', async ({
  page,
  context,
}) => {
  await ensureAdminAccount();
  await page.goto('/login');
  await fillLogin(page, { email: ADMIN.email, password: 'wrong password!' });
  await expect(page.getByRole('alert')).toHaveText(
    /Anmeldung fehlgeschlagen: E-Mail-Adresse oder Passwort ist falsch/,
  );
  expect((await context.cookies()).find((c) => c.name === 'pw_session')).toBeUndefined();

  await fillLogin(page, ADMIN);
  await expect(page.getByText(`Angemeldet als ${ADMIN.name}.`)).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === 'pw_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

test('after five failed logins the sixth is refused for a while', async ({ page }) => {
  const victim = newAccount('ratelimit');
  await registerUser(page, victim);
  await logout(page);

  await page.goto('/login');
  for (let attempt = 0; attempt < 5; attempt++) {
    await fillLogin(page, { email: victim.email, password: `wrong-${attempt}-password` });
    await expect(page.getByRole('alert')).toContainText('Anmeldung fehlgeschlagen');
  }
  // Even the right password is refused now.
  await fillLogin(page, victim);
  await expect(page.getByRole('alert')).toContainText('Zu viele Fehlversuche');

  const response = await page.request.post('/login?/login', {
    form: { email: victim.email, password: victim.password, next: '/' },
    headers: { Origin: APP_ORIGIN, Accept: 'text/html' },
  });
  expect(response.status()).toBe(429);
});

test('logout ends the session on the server', async ({ page, context }) => {
  const account = newAccount('logout');
  await registerUser(page, account);
  const cookie = (await context.cookies()).find((c) => c.name === 'pw_session');
  expect(cookie).toBeDefined();
  await logout(page);

  // The old cookie no longer opens anything.
  await context.addCookies([cookie!]);
  await page.goto('/plans/new');
  await expect(page).toHaveURL(/\/login\?next=%2Fplans%2Fnew$/);
});

test('anonymous visitors are sent to the login and back afterwards', async ({ page }) => {
  const account = newAccount('return');
  await registerUser(page, account);
  await logout(page);
  await page.goto('/plans/new');
  await expect(page).toHaveURL(/\/login\?next=/);
  await fillLogin(page, account);
  await expect(page).toHaveURL(/\/plans\/new$/);
  // Not a facilitator: the server refuses the page itself.
  await expect(page.getByText('Nur Prozessbegleiter:innen')).toBeVisible();
});

for (const path of ['/login', '/register', '/en/login', '/en/register']) {
  test(`axe finds no WCAG 2.1 AA violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });
}

test('axe finds no violations on a login form showing an error', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, { email: 'nobody@e2e.example', password: 'whatever-password' });
  await expect(page.getByRole('alert')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
});
