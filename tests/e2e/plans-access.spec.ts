import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { acceptInviteOverHttp, createPlanOverHttp, inviteOverHttp } from './helpers/plans.js';
import { APP_ORIGIN, COLLAB_URL } from './helpers/ports.js';

const ORIGIN = APP_ORIGIN;

test('a viewer sees the members but may change nothing (403 on the server)', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Nur lesen ${Date.now()}`, 'Bezirksamt');
  const link = await inviteOverHttp(page, planId, 'viewer');

  const other = await browser.newContext();
  const viewer = await other.newPage();
  await signUpOverHttp(viewer, newAccount('viewer'));
  await acceptInviteOverHttp(viewer, link);

  await viewer.goto(`/plans/${planId}/members`);
  await expect(viewer.getByRole('row', { name: new RegExp(ADMIN.name) })).toContainText(
    'Prozessbegleitung',
  );
  // Viewers see members' names, not their e-mail addresses.
  await expect(viewer.getByRole('main')).not.toContainText(ADMIN.email);
  await expect(viewer.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(viewer.getByRole('heading', { name: 'Einladen' })).toHaveCount(0);

  const settings = await viewer.request.get(`/plans/${planId}/settings`);
  expect(settings.status()).toBe(403);
  expect(await settings.text()).toContain('Ihre Rolle in diesem Prozessplan erlaubt das nicht');

  for (const action of ['changeRole', 'remove', 'invite', 'revoke']) {
    const response = await viewer.request.post(`/plans/${planId}/members?/${action}`, {
      form: { userId: 'x', role: 'facilitator', days: '7', invitationId: 'x' },
      headers: { Origin: ORIGIN, Accept: 'text/html' },
    });
    expect(response.status(), action).toBe(403);
  }
  const rename = await viewer.request.post(`/plans/${planId}/settings?/rename`, {
    form: { title: 'Gekapert', requestingUnit: '' },
    headers: { Origin: ORIGIN, Accept: 'text/html' },
  });
  expect(rename.status()).toBe(403);
  await other.close();
});

test('non-members get 404 for a plan and its token; anonymous token requests get 401', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Privat ${Date.now()}`, 'Bezirksamt');
  const token = await page.request.get(`/plans/${planId}/collab-token`);
  expect(token.status()).toBe(200);
  expect(token.headers()['cache-control']).toBe('no-store');
  expect(await token.json()).toMatchObject({ url: COLLAB_URL, role: 'facilitator' });

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUpOverHttp(stranger, newAccount('stranger'));
  expect((await stranger.request.get(`/plans/${planId}`)).status()).toBe(404);
  expect((await stranger.request.get(`/plans/${planId}/members`)).status()).toBe(404);
  expect((await stranger.request.get(`/plans/${planId}/collab-token`)).status()).toBe(404);
  await other.close();

  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(`/plans/${planId}/collab-token`);
  expect(response.status()).toBe(401);
  await anonymous.close();
});

test('a form post from another origin is refused (CSRF)', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `CSRF ${Date.now()}`, 'Bezirksamt');
  const response = await page.request.post(`/plans/${planId}/settings?/archive`, {
    form: {},
    headers: { Origin: 'http://evil.example', Accept: 'text/html' },
  });
  expect(response.status()).toBe(403);
});
