import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { BASE_URL, ensureAdminAccount, newAccount } from './helpers/accounts.js';
import { COLLAB_URL } from './helpers/ports.js';

test('pages are served with a strict CSP and the security headers', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const headers = response.headers();

  const csp = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${COLLAB_URL}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // Only the configured collab-server, not any WebSocket host.
  expect(csp).not.toMatch(/connect-src[^;]* wss?:( |;|$)/);

  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
});

test('GET /healthz answers { status: "ok" } and cannot be framed', async ({ request }) => {
  const response = await request.get('/healthz');

  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

/** The headers every response must carry, pages and redirects alike. */
function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test('the login redirect of a protected page carries the security headers', async ({ request }) => {
  const response = await request.get('/plans/new', { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/login?next=%2Fplans%2Fnew');
  expectSecurityHeaders(response.headers());
});

test('static assets are sent with nosniff', async ({ request }) => {
  const page = await request.get('/');
  const script = /(\/_app\/immutable\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script, 'a built script linked from the start page').toBeTruthy();
  for (const path of [script ?? '', '/favicon.svg']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
});

/** A fresh account registered over HTTP in its own cookie jar (signed in afterwards). */
async function signedInContext(): Promise<APIRequestContext> {
  await ensureAdminAccount();
  const account = newAccount('cache');
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const registered = await api.post('/register?/register', {
    form: { email: account.email, name: account.name, password: account.password, next: '/' },
    headers: { Origin: BASE_URL, Accept: 'application/json' },
  });
  expect(registered.ok()).toBe(true);
  return api;
}

test('signed-in pages may not be cached; logout clears the cache and storage', async () => {
  const api = await signedInContext();
  try {
    for (const path of ['/', '/inbox', '/account', '/__data.json']) {
      const response = await api.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('private, no-store');
    }
    // As the header's logout button (use:enhance) posts it.
    const logout = await api.post('/logout?/logout', {
      form: {},
      headers: { Origin: BASE_URL, Accept: 'application/json', 'x-sveltekit-action': 'true' },
    });
    expect(await logout.json()).toMatchObject({ type: 'redirect', location: '/' });
    expect(logout.headers()['clear-site-data']).toBe('"cache", "storage"');
    expectSecurityHeaders(logout.headers());
  } finally {
    await api.dispose();
  }
});
