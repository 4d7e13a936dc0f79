import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, newAccount, signInOverHttp, signUpOverHttp } from './helpers/accounts.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  const results = await (include ? builder.include(include) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Fills one text of the method form in both languages. */
async function fillPair(page: Page, legend: string, de: string, en: string): Promise<void> {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Deutsch').fill(de);
  await group.getByLabel('Englisch').fill(en);
}

test('the library filters by text, level, group size, mode and duration', async ({ page }) => {
  test.slow(); // several pages, each checked by axe
  const reader = newAccount('reader');
  await signUpOverHttp(page, reader);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Methoden' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Methodenbibliothek' })).toBeVisible();
  // A person who is no facilitator reads, but is not offered to add.
  await expect(page.getByRole('link', { name: 'Methode hinzufügen' })).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/Gefundene Methoden: (3[0-9]|[4-9][0-9])/);

  const search = page.getByRole('search', { name: 'Methoden suchen und filtern' });
  await search.getByLabel('Beteiligungsstufe').selectOption({ label: 'Mitentscheidung' });
  await search.getByRole('button', { name: 'Filtern' }).click();
  await expect(page).toHaveURL(/level=empower/);
  await expect(page.getByRole('heading', { level: 2, name: 'Bürgerhaushalt' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'World Café' })).toHaveCount(0);

  await search.getByLabel('Beteiligungsstufe').selectOption({ label: 'Mitwirkung' });
  await search.getByLabel('Suche').fill('Tisch');
  await search.getByLabel('Gruppe mit Personen').fill('20');
  await search.getByLabel('Ort', { exact: true }).selectOption({ label: 'Vor Ort' });
  await search.getByLabel('Dauer', { exact: true }).selectOption({ label: 'bis 2 Stunden' });
  await search.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByRole('status')).toHaveText('Gefundene Methoden: 1');
  const cafe = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'World Café' }) });
  await expect(cafe).toContainText('Mitwirkung');
  await expect(cafe).toContainText('12–200 Personen');
  await expectNoAxeViolations(page);

  // A group size that is no number is named, not failed on.
  await page.goto('/methods?persons=viele');
  await expect(page.getByRole('alert')).toHaveText(
    'Ein Filter war nicht lesbar und wurde nicht angewendet.',
  );

  await page.goto('/methods?q=Tisch&level=involve');
  await page.getByRole('link', { name: 'World Café' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'World Café' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Barrierefreiheit und Zugang' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Methode bearbeiten' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The edit page is the facilitators' only, checked on the server.
  const response = await page.request.get('/methods/world-cafe/edit');
  expect(response.status()).toBe(403);
});

test('a facilitator adds a method, edits it, and the history names who changed what', async ({
  page,
}) => {
  test.slow(); // two forms (one also with its errors shown) and a page, each checked by axe
  await signInOverHttp(page, ADMIN);
  await page.goto('/methods');
  await page.getByRole('link', { name: 'Methode hinzufügen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Methode hinzufügen' })).toBeVisible();
  await expectNoAxeViolations(page);

  const name = `Kiezfrühstück ${Date.now().toString(36)}`;
  await fillPair(page, 'Name', name, `Neighbourhood breakfast ${name.slice(-6)}`);
  // An empty English purpose is named beside its field, and nothing is stored.
  await page
    .getByRole('group', { name: 'Wofür', exact: true })
    .getByLabel('Deutsch')
    .fill('Ins Gespräch kommen.');
  await page.getByRole('button', { name: 'Methode speichern' }).click({ noWaitAfter: true });
  await expect(page).toHaveURL(/\/methods\/new/);

  await fillPair(
    page,
    'Wofür',
    'Bei Kaffee und Brötchen ins Gespräch kommen.',
    'Talk over coffee and rolls.',
  );
  await page.getByLabel('Kleinste Gruppe (Personen)').fill('10');
  await page.getByLabel('Größte Gruppe (Personen)').fill('60');
  await page.getByLabel('Dauer von').fill('2');
  await page.getByLabel('Dauer bis', { exact: true }).fill('1');
  await page.getByLabel('Einheit der Dauer').selectOption({ label: 'Stunden' });
  await fillPair(page, 'Dauer, erläutert', 'Ein Vormittag.', 'One morning.');
  await fillPair(page, 'Aufwand, erläutert', 'Einkauf und Aufbau.', 'Shopping and setting up.');
  await fillPair(page, 'Kosten, erläutert', 'Verpflegung.', 'Catering.');
  await fillPair(
    page,
    'Gewinnung der Teilnehmenden',
    'Aushang im Haus.',
    'Notice in the building.',
  );
  await fillPair(page, 'Stärken', 'Lockere Atmosphäre.', 'Relaxed atmosphere.');
  await fillPair(page, 'Grenzen', 'Wenig Tiefe.', 'Little depth.');
  await fillPair(page, 'Barrierefreiheit und Zugang', 'Ebenerdiger Hof.', 'Step-free courtyard.');
  await page.getByRole('button', { name: 'Methode speichern' }).click();
  // Duration from 2 to 1 hours is refused beside "to", with the summary above the form.
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Dauer bis', { exact: true })).toHaveAccessibleDescription(
    'Der größte Wert darf nicht kleiner als der kleinste sein.',
  );
  // The form with its error summary and a field's error is checked too, not only the empty form.
  await expectNoAxeViolations(page);
  await page.getByLabel('Dauer bis', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Methode speichern' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/methods\/kiezfruehstueck-/);
  const history = page.getByRole('list', { name: 'Verlauf' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText(`${ADMIN.name}: angelegt`);

  await page.getByRole('link', { name: 'Methode bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `„${name}“ bearbeiten` })).toBeVisible();
  await expect(page).toHaveURL(/\/methods\/kiezfruehstueck-[^/]+\/edit$/);
  await expectNoAxeViolations(page);
  await fillPair(
    page,
    'Grenzen',
    'Erreicht nur Menschen im Haus.',
    'Reaches only people in the building.',
  );
  await page.getByLabel('Ort', { exact: true }).selectOption({ label: 'Hybrid' });
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText(
    `${ADMIN.name}: geändert: Ort, Grenzen`,
  );
  await expect(page.getByText('Erreicht nur Menschen im Haus.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The network sees it in the library.
  await page.goto(`/methods?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('status')).toHaveText('Gefundene Methoden: 1');
});
