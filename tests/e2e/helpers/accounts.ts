import { expect, request, type Page } from '@playwright/test';
import { submitForRedirect } from './form-actions.js';
import { APP_ORIGIN } from './ports.js';

/** An account as the helpers create and sign in with it. */
export interface Account {
  email: string;
  name: string;
  password: string;
}

/** Base URL of the app under test (as in playwright.config.ts). */
export const BASE_URL = APP_ORIGIN;

/**
 * The installation's first account, hence administrator and facilitator. Every helper that
 * creates an account makes sure this one exists first, so it is the first whatever test runs first.
 */
export const ADMIN: Account = {
  email: 'admin@e2e.example',
  name: 'Ada Admin',
  password: 'admin-password-e2e',
};

let adminReady = false;
let counter = 0;

/** Registers {@link ADMIN} over HTTP (its own cookie jar, not a page's) unless already there. */
export async function ensureAdminAccount(): Promise<void> {
  if (adminReady) return;
  const api = await request.newContext({ baseURL: BASE_URL });
  try {
    const response = await api.post('/register?/register', {
      form: { email: ADMIN.email, name: ADMIN.name, password: ADMIN.password, next: '/' },
      headers: { Origin: BASE_URL, Accept: 'application/json' },
    });
    expect(response.ok(), `registering the admin: HTTP ${response.status()}`).toBe(true);
    adminReady = true;
  } finally {
    await api.dispose();
  }
}

/** A new, unique account (not yet registered). */
export function newAccount(label: string): Account {
  counter++;
  const id = `${Date.now().toString(36)}${counter}`;
  return {
    email: `${label}-${id}@e2e.example`,
    name: `${label[0]?.toUpperCase()}${label.slice(1)} ${id}`,
    password: `password-${id}-long`,
  };
}

/** Registers `account` through the form and waits for the plans list. */
export async function registerUser(
  page: Page,
  account: Account,
  path = '/register',
): Promise<void> {
  await ensureAdminAccount();
  await page.goto(path);
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Name (für andere sichtbar)').fill(account.name);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByText(`Angemeldet als ${account.name}.`)).toBeVisible();
}

/**
 * Registers `account` over HTTP in the page's context (the page is then signed in as it, without
 * loading a page). For specs whose subject is not registration; `registerUser` fills the form.
 */
export async function signUpOverHttp(page: Page, account: Account): Promise<void> {
  await ensureAdminAccount();
  await submitForRedirect(page.request, '/register?/register', {
    email: account.email,
    name: account.name,
    password: account.password,
    next: '/',
  });
}

/**
 * Signs in over HTTP in the page's context, without loading a page. For specs whose subject is
 * not signing in; `login` fills the form.
 */
export async function signInOverHttp(page: Page, account: Account): Promise<void> {
  await ensureAdminAccount();
  await submitForRedirect(page.request, '/login?/login', {
    email: account.email,
    password: account.password,
    next: '/',
  });
}

/** Signs in through the login form (a German page) and waits until signed in. */
export async function login(page: Page, account: Account, path = '/login'): Promise<void> {
  await ensureAdminAccount();
  await page.goto(path);
  await fillLogin(page, account);
  await expect(page.getByText(`Angemeldet als ${account.name}.`)).toBeVisible();
}

/** Fills and submits the login form on the current page, without waiting for the outcome. */
export async function fillLogin(
  page: Page,
  account: Pick<Account, 'email' | 'password'>,
): Promise<void> {
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Signs out with the button on the plans list. */
export async function logout(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
}
