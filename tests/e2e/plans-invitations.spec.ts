import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';
import { expireInvitation } from './helpers/database.js';
import {
  acceptInvite,
  acceptInviteOverHttp,
  createPlanOverHttp,
  invite,
  inviteOverHttp,
} from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('an invited editor registers, accepts and sees the plan with the role', async ({
  page,
  browser,
}) => {
  await signInOverHttp(page, ADMIN);
  const title = `Beteiligung Radweg ${Date.now()}`;
  const planId = await createPlanOverHttp(page, title, 'Tiefbauamt');
  const link = await invite(page, planId, 'editor');
  await expect(page.getByRole('table').last()).toContainText('Bearbeiten');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const editor = newAccount('editor');
  // Anonymous: the link leads to the login, from there to registration, then back to the link.
  await otherPage.goto(link);
  await expect(otherPage).toHaveURL(/\/login\?next=%2Finvite%2F/);
  await otherPage.getByRole('link', { name: 'Konto anlegen' }).click();
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Konto anlegen' })).toBeVisible();
  await otherPage.getByLabel('E-Mail-Adresse').fill(editor.email);
  await otherPage.getByLabel('Name (für andere sichtbar)').fill(editor.name);
  await otherPage.getByLabel('Passwort').fill(editor.password);
  await otherPage.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(otherPage.getByText(`„${title}“`)).toBeVisible();
  expect(await acceptInvite(otherPage, otherPage.url())).toBe(planId);

  await otherPage.goto('/');
  const row = otherPage
    .getByRole('table', { name: 'Mit mir geteilt' })
    .getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Bearbeiten');
  await expect(row).toContainText(ADMIN.name);

  // The facilitator sees the new member.
  await page.goto(`/plans/${planId}/members`);
  await expect(page.getByRole('row', { name: new RegExp(editor.email) })).toBeVisible();
  await other.close();
});

test('the facilitator changes a role and removes a member', async ({ page, browser }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Rollen ${Date.now()}`, 'Jugendamt');
  const link = await inviteOverHttp(page, planId, 'commenter');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const member = newAccount('member');
  await signUpOverHttp(otherPage, member);
  await acceptInviteOverHttp(otherPage, link);

  await page.goto(`/plans/${planId}/members`);
  const row = page.getByRole('row', { name: new RegExp(member.email) });
  await row.getByLabel(`Rolle von ${member.name}`).selectOption('viewer');
  await row.getByRole('button', { name: `Rolle ändern: ${member.name}` }).click();
  await expect(page.getByRole('status')).toHaveText('Die Rolle wurde geändert.');
  await expect(row.getByLabel(`Rolle von ${member.name}`)).toHaveValue('viewer');

  const token = await otherPage.request.get(`/plans/${planId}/collab-token`);
  expect((await token.json()).role).toBe('viewer');

  await row.getByRole('button', { name: `Entfernen: ${member.name}` }).click();
  await expect(page.getByRole('status')).toHaveText('Das Mitglied wurde entfernt.');
  await expect(page.getByRole('row', { name: new RegExp(member.email) })).toHaveCount(0);

  expect((await otherPage.request.get(`/plans/${planId}/collab-token`)).status()).toBe(404);
  await other.close();
});

test('the last facilitator can be neither demoted nor removed', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Allein ${Date.now()}`, 'Bezirksamt');
  await page.goto(`/plans/${planId}/members`);
  const row = page.getByRole('row', { name: new RegExp(ADMIN.email) });
  await row.getByRole('button', { name: `Entfernen: ${ADMIN.name}` }).click();
  await expect(page.getByRole('alert')).toContainText('mindestens eine Prozessbegleitung');
});

test('an expired invitation shows a clear error page', async ({ page, browser }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Abgelaufen ${Date.now()}`, 'Bezirksamt');
  const link = await inviteOverHttp(page, planId, 'viewer', 1);
  await expireInvitation(link);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUpOverHttp(otherPage, newAccount('late'));
  await otherPage.goto(link);
  await expect(otherPage.getByRole('alert')).toHaveText('Diese Einladung ist abgelaufen.');
  await expect(
    otherPage.getByText('Bitten Sie die Prozessbegleitung um einen neuen'),
  ).toBeVisible();
  await expect(otherPage.getByRole('button', { name: 'Einladung annehmen' })).toHaveCount(0);
  const results = await new AxeBuilder({ page: otherPage }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
  await other.close();
});

test('a revoked invitation no longer works', async ({ page, browser }) => {
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, `Zurückgezogen ${Date.now()}`, 'Bezirksamt');
  const link = await invite(page, planId, 'editor');
  await page.getByRole('button', { name: 'Zurückziehen' }).click();
  await expect(page.getByRole('status')).toHaveText('Die Einladung wurde zurückgezogen.');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUpOverHttp(otherPage, newAccount('revoked'));
  await otherPage.goto(link);
  await expect(otherPage.getByRole('alert')).toHaveText('Diese Einladung wurde zurückgezogen.');
  await other.close();
});
