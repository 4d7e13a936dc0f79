import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { ADMIN, login, signInOverHttp } from './helpers/accounts.js';
import { openBoard } from './board-helpers.js';
import { createPlan, createPlanOverHttp } from './helpers/plans.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('a facilitator creates a plan and finds it in the list with all columns', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const title = `Spielplatz Nord ${Date.now()}`;
  const id = await createPlan(page, title, 'Straßen- und Grünflächenamt');

  await page.goto('/');
  const mine = page.getByRole('table', { name: 'Meine Prozesspläne' });
  const row = mine.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Straßen- und Grünflächenamt');
  await expect(row).toContainText(ADMIN.name);
  await expect(row).toContainText('Entwurf');
  await expect(row).toContainText('Prozessbegleitung');
  await expect(row.getByRole('link', { name: title })).toHaveAttribute('href', `/plans/${id}`);
});

test('the plan form names a missing title', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  await page.goto('/plans/new');
  await page.getByLabel('Titel').fill('   ');
  await page.getByRole('button', { name: 'Prozessplan anlegen' }).click();
  await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(
    'Bitte geben Sie einen Titel ein.',
  );
});

test('settings rename and archive a plan', async ({ page }) => {
  await signInOverHttp(page, ADMIN);
  const id = await createPlanOverHttp(page, `Alt ${Date.now()}`, 'Bezirksamt');
  const renamed = `Neu ${Date.now()}`;
  await page.goto(`/plans/${id}/settings`);
  await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status')).toHaveText('Gespeichert.');

  await page.getByRole('button', { name: 'Prozessplan archivieren' }).click();
  await expect(page).toHaveURL('/');
  const archived = page.getByRole('table', { name: 'Archiviert' });
  await expect(archived.getByRole('link', { name: renamed })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Meine Prozesspläne' }).getByRole('link', { name: renamed }),
  ).toHaveCount(0);
});

test('a title edited on the board shows in the plans list and the settings form', async ({
  page,
}) => {
  await login(page, ADMIN);
  const id = await createPlan(page, `Vorher ${Date.now()}`, 'Bezirksamt');
  const edited = `Auf dem Board ${Date.now()}`;
  await openBoard(page, id);
  await page.getByRole('textbox', { name: 'Titel des Plans', exact: true }).fill(edited);
  await page.getByRole('textbox', { name: 'Anfragende Stelle', exact: true }).fill('Jugendamt');

  // The list reads the stored document (the edit travels through the collab-server first).
  const mine = page.getByRole('table', { name: 'Meine Prozesspläne' });
  await expect(async () => {
    await page.goto('/');
    await expect(mine.getByRole('row', { name: new RegExp(edited) })).toContainText('Jugendamt', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await page.goto(`/plans/${id}/settings`);
  await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveValue(edited);
  await expect(page.getByRole('textbox', { name: 'Anfragende Stelle', exact: true })).toHaveValue(
    'Jugendamt',
  );
});

test('axe finds no WCAG 2.1 AA violations on the plans list and the plan pages', async ({
  page,
}) => {
  await signInOverHttp(page, ADMIN);
  const id = await createPlanOverHttp(page, `Barrierefrei ${Date.now()}`, 'Senatsverwaltung');
  for (const path of ['/', '/en', '/plans/new', `/plans/${id}/members`, `/plans/${id}/settings`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations, path).toEqual([]);
  }
});
