/**
 * Versions end to end, with two people (facilitator and editor of the requesting unit) in two
 * browser contexts: save a version, edit, compare shows exactly those changes, restore (live on
 * the other board), submit, approve by both, and the approved version cannot be changed.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { addPhase, addStakeholder, initPlan, planToJSON } from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { facilitatorAnd, openBoard, stakeholderNames } from './board-helpers.js';
import { ADMIN, signInOverHttp } from './helpers/accounts.js';
import { importPlan } from './helpers/large-plan.js';
import JSZip from 'jszip';
import { backdateVersion, tamperWithVersion } from './helpers/database.js';
import { APP_ORIGIN } from './helpers/ports.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations).toEqual([]);
}

/** The row of a version in the list, by its title. */
function versionRow(page: Page, title: string) {
  return page
    .locator('table.versions tbody tr')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('save, compare, restore, submit and approve a version with two people', async ({
  browser,
  page,
}) => {
  test.slow(); // two people and many steps: three times the usual time
  const {
    planId,
    title,
    facilitator: a,
    other: b,
    otherContext,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  const live = { timeout: 10_000 };

  // The plan as agreed in March: one stakeholder, a goal.
  await a.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await a.keyboard.type('Anwohnende');
  await a.getByRole('textbox', { name: 'Ziele', exact: true }).click();
  await a.keyboard.type('Den Park gemeinsam planen');
  await expect(stakeholderNames(b).first()).toHaveValue('Anwohnende', live);
  await expect(b.getByRole('textbox', { name: 'Ziele', exact: true })).toHaveText(
    'Den Park gemeinsam planen',
    live,
  );
  await expect(a.locator('.plan-status')).toHaveText('Status: Entwurf');

  // Save it from the board's link.
  await a.getByRole('link', { name: 'Version speichern' }).click();
  await a.getByLabel('Bezeichnung').fill('März-Fassung');
  await a.getByLabel('Notiz (optional)').fill('Mit der Fachabteilung abgestimmt');
  await a.getByRole('button', { name: 'Version speichern' }).click();
  await expect(
    a.getByRole('status').filter({ hasText: 'Version „März-Fassung“ gespeichert.' }),
  ).toBeVisible();
  await expect(versionRow(a, 'März-Fassung')).toContainText('Entwurf');
  await expectAccessible(a);

  // The editor changes exactly three things on the live board.
  await b.getByLabel('Einfluss (1–5): Anwohnende').selectOption('5');
  await b.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await b.keyboard.type('Werkstatt');
  const goalsB = b.getByRole('textbox', { name: 'Ziele', exact: true });
  await goalsB.click();
  await b.keyboard.press('End');
  await b.keyboard.type(' und bauen');
  await expect(goalsB).toHaveText('Den Park gemeinsam planen und bauen');

  // Compare the version with the current plan: exactly those changes.
  await a.getByRole('link', { name: 'Mit aktuellem Plan vergleichen' }).first().click();
  await expect(a.getByRole('heading', { name: 'Versionen vergleichen', level: 1 })).toBeVisible();
  const diff = a.locator('.diff');
  await expect(diff).toHaveAttribute('data-total', '3');
  await expect(diff.locator('[data-section]')).toHaveCount(3);
  const stakeholder = diff.locator('[data-section="stakeholders"] li');
  await expect(stakeholder).toHaveCount(1);
  await expect(stakeholder).toContainText('Geändert: Anwohnende');
  await expect(stakeholder.locator('[data-field="power"]')).toContainText('3');
  await expect(stakeholder.locator('[data-field="power"] .after')).toHaveText('5');
  const phase = diff.locator('[data-section="phases"] li');
  await expect(phase).toHaveCount(1);
  await expect(phase).toContainText('Hinzugefügt: Werkstatt');
  const goals = diff.locator('[data-section="overview"] [data-field="goals"]');
  await expect(goals.locator('ins')).toHaveText(/^eingefügt:\s*und bauen$/);
  await expect(goals.locator('del')).toHaveCount(0);
  await expectAccessible(a);

  // Restore the March version: the editor's board follows live; a backup is kept.
  await a.getByRole('link', { name: 'Zur Versionsliste' }).click();
  // It asks first, saying which version, from when, and what it replaces.
  const restoreButton = versionRow(a, 'März-Fassung').getByRole('button', {
    name: 'Wiederherstellen: März-Fassung',
    exact: true,
  });
  await restoreButton.click();
  const dialog = a.getByRole('dialog', { name: 'Version wiederherstellen?' });
  await expect(dialog).toBeVisible();
  const savedAt = await versionRow(a, 'März-Fassung').locator('time').innerText();
  await expect(dialog).toHaveAccessibleDescription(
    `Version „März-Fassung“ vom ${savedAt} wiederherstellen? Der aktuelle Stand wird durch diese ` +
      'Version ersetzt; er wird vorher als Version gesichert.',
  );
  await expect(dialog.getByTestId('restore-changes').getByRole('listitem')).toHaveText([
    'Überblick: geänderte Felder: 1',
    'Beteiligte: hinzugefügt: 0, entfernt: 0, geändert: 1',
    'Phasen: hinzugefügt: 0, entfernt: 1, geändert: 0',
  ]);
  await expectAccessible(a);
  // Cancel has the focus; Tab stays inside the dialog; Escape cancels and nothing is restored.
  const cancel = dialog.getByRole('button', { name: 'Abbrechen' });
  const confirm = dialog.getByRole('button', { name: 'Ja, wiederherstellen' });
  await expect(cancel).toBeFocused();
  await a.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await a.keyboard.press('Shift+Tab');
  await expect(cancel).toBeFocused();
  await a.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(restoreButton).toBeFocused();
  await expect(b.getByLabel('Einfluss (1–5): Anwohnende')).toHaveValue('5');
  await restoreButton.click();
  await dialog.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'wiederhergestellt' })).toBeVisible();
  await expect(b.getByLabel('Einfluss (1–5): Anwohnende')).toHaveValue('3', live);
  await expect(b.getByLabel('Titel der Phase', { exact: true })).toHaveCount(0, live);
  await expect(goalsB).toHaveText('Den Park gemeinsam planen', live);
  await expect(versionRow(a, 'Vor Wiederherstellung von „März-Fassung“')).toBeVisible();

  // The editing left automatic checkpoints (every 2 s of activity in this run), listed apart.
  const checkpointRows = a.locator('section[aria-labelledby="checkpoint-heading"] tbody tr');
  await expect
    .poll(
      async () => {
        await a.reload();
        return checkpointRows.count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBeGreaterThan(0);
  await expect(checkpointRows.first()).toContainText('Automatischer Zwischenstand');
  await expect(
    a.locator('section[aria-labelledby="named-heading"]').getByText('Automatischer Zwischenstand'),
  ).toHaveCount(0);

  // The facilitator submits; the plan is in review for everyone.
  await versionRow(a, 'März-Fassung')
    .getByRole('button', { name: 'Zur Freigabe einreichen' })
    .click();
  await expect(a.getByRole('status').filter({ hasText: 'zur Freigabe eingereicht' })).toBeVisible();
  // The button is gone with the new state; focus stays on the result, not the page's start.
  await expect(a.locator('#version-status')).toBeFocused();
  await expect(versionRow(a, 'März-Fassung')).toContainText('In Prüfung');
  await expect(b.locator('.plan-status')).toHaveText('Status: In Prüfung', live);

  // The editor may not submit (forged request), only sign off.
  const forged = await otherContext.request.post(`/plans/${planId}/versions?/submit`, {
    headers: { origin: APP_ORIGIN, accept: 'text/html' },
    form: { versionId: (await versionRow(a, 'März-Fassung').getAttribute('data-version-id'))! },
  });
  expect(forged.status()).toBe(403);

  // Both sides approve.
  await versionRow(a, 'März-Fassung')
    .getByRole('button', { name: 'Freigeben als Prozessbegleitung' })
    .click();
  await expect(
    a.getByRole('status').filter({ hasText: 'Es fehlt noch die Freigabe' }),
  ).toBeVisible();
  await b.getByRole('link', { name: 'Versionen', exact: true }).click();
  await versionRow(b, 'März-Fassung')
    .getByRole('button', { name: 'Freigeben als anfragende Stelle' })
    .click();
  await expect(
    b.getByRole('status').filter({ hasText: 'Die Version ist freigegeben' }),
  ).toBeVisible();
  const approved = versionRow(b, 'März-Fassung');
  await expect(approved).toHaveAttribute('data-status', 'approved');
  await expect(approved).toContainText('Freigegeben von Ada Admin (Prozessbegleitung)');
  await expect(approved.getByRole('button', { name: /Ablehnen|Freigeben als/ })).toHaveCount(0);
  await expect(approved.getByText('Bezeichnung und Notiz ändern')).toHaveCount(0);
  const versionId = (await approved.getAttribute('data-version-id'))!;

  // An approved version cannot be changed: the storage layer refuses, the page says so.
  const rename = await otherContext.request.post(`/plans/${planId}/versions?/rename`, {
    headers: { origin: APP_ORIGIN, accept: 'text/html' },
    form: { versionId, label: 'Umbenannt', note: '' },
  });
  expect(rename.status()).toBe(409);
  expect(await rename.text()).toContain('kann nicht mehr geändert oder gelöscht werden');
  const reject = await otherContext.request.post(`/plans/${planId}/versions?/reject`, {
    headers: { origin: APP_ORIGIN, accept: 'text/html' },
    form: { versionId, reason: 'Doch nicht' },
  });
  expect(reject.status()).toBe(409);

  // The version read-only, as it was, with its approvals and a verified hash.
  await approved.getByRole('link', { name: 'März-Fassung', exact: true }).click();
  await expect(b.getByRole('heading', { name: 'Version: März-Fassung', level: 1 })).toBeVisible();
  await expect(b.getByTestId('version-status')).toHaveText('Freigegeben');
  await expect(b.getByTestId('integrity')).toHaveText('Prüfsumme stimmt');
  await expect(b.getByText('Freigegeben von Ada Admin (Prozessbegleitung)')).toBeVisible();
  // The board as it was, read-only: the March content, nothing editable.
  const board = b.locator('.version-board[data-ready="true"]');
  await expect(stakeholderNames(b)).toHaveCount(1);
  await expect(stakeholderNames(b).first()).toHaveValue('Anwohnende');
  await expect(b.getByLabel('Einfluss (1–5): Anwohnende')).toHaveValue('3');
  await expect(b.getByRole('textbox', { name: 'Ziele', exact: true })).toHaveText(
    'Den Park gemeinsam planen',
  );
  await expect(board.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(
    board.locator('input:not([readonly]):not([disabled]), select:not([disabled])'),
  ).toHaveCount(0);
  await expect(board.getByRole('button', { name: /hinzufügen|Entfernen/ })).toHaveCount(0);
  await expectAccessible(b);

  // The activity log names every step.
  await a.goto(`/plans/${planId}/activity`);
  const log = a.locator('ol.activity');
  for (const text of [
    'hat die Version „März-Fassung“ gespeichert',
    'hat „März-Fassung“ wiederhergestellt',
    'hat „März-Fassung“ zur Freigabe eingereicht',
    'damit ist die Version freigegeben',
    'hat den Plan bearbeitet',
    'hat den Plan geöffnet',
  ]) {
    await expect(log).toContainText(text);
  }
  await expectAccessible(a);
  await expect(a.locator('.plan-status')).toHaveCount(0);
  await a.goto(`/plans/${planId}`);
  await expect(a.locator('.plan-status')).toHaveText('Status: Freigegeben');

  // The editor changes the approved plan: the facilitator's open board says so at once, and so
  // do the plans list, the versions page and the export; undoing the change undoes the note.
  const changed = 'Status: Geändert seit Freigabe (Version „März-Fassung“)';
  await b.goto(`/plans/${planId}`);
  await expect(b.locator('.plan-status')).toHaveText('Status: Freigegeben');
  await b.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await b.keyboard.type('Kiezrat');
  await expect(a.locator('.plan-status')).toHaveText(changed, live);
  await expect(b.locator('.plan-status')).toHaveText(changed, live);
  await a.goto('/');
  await expect(a.getByRole('row').filter({ hasText: title })).toContainText(
    'Geändert seit Freigabe (Version „März-Fassung“)',
  );
  await a.goto(`/plans/${planId}/versions`);
  await expect(a.locator('.plan-status')).toHaveText(
    'Status des Plans: Geändert seit Freigabe (Version „März-Fassung“)',
  );
  const markdown = await (await a.request.get(`/plans/${planId}/export/md`)).text();
  expect(markdown).toContain('- **Status:** Geändert seit Freigabe \\(Version „März-Fassung“\\)');
  await b.getByRole('button', { name: 'Entfernen: Kiezrat' }).click();
  await b.getByRole('button', { name: 'Ja, entfernen' }).click();
  await expect(stakeholderNames(b)).toHaveCount(1);
  await expect
    .poll(async () => {
      await a.reload();
      return a.locator('.plan-status').innerText();
    }, live)
    .toBe('Status des Plans: Freigegeben');
  checkOther();
});

test('a version exported shows the date it was taken, in every format', async ({
  browser,
  page,
}) => {
  const { planId, facilitator: a, checkOther } = await facilitatorAnd(browser, page, 'editor');
  await a.goto(`/plans/${planId}/versions`);
  await a.getByLabel('Bezeichnung').fill('Frühjahr');
  await a.getByRole('button', { name: 'Version speichern' }).click();
  const versionId = (await versionRow(a, 'Frühjahr').getAttribute('data-version-id'))!;
  const takenAt = '2026-03-15T09:30:00.000Z'; // 10:30 in Berlin
  await backdateVersion(versionId, takenAt);

  const line = /Erstellt am\D+15\. März 2026\D+10:30/;
  const markdown = await (
    await a.request.get(`/plans/${planId}/export/md?version=${versionId}`)
  ).text();
  expect(markdown).toMatch(line);
  const docx = await JSZip.loadAsync(
    await (await a.request.get(`/plans/${planId}/export/docx?version=${versionId}`)).body(),
  );
  const text = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(text).toMatch(line);
  // Word's document properties say the version's date too, not the day of the export.
  const core = await docx.file('docProps/core.xml')!.async('string');
  expect(core).toContain(`>${takenAt}</dcterms:created>`);
  expect(core).toContain(`>${takenAt}</dcterms:modified>`);
  await a.goto(`/plans/${planId}/print?version=${versionId}`);
  await expect(a.getByRole('region', { name: 'Version' })).toContainText(/15\. März 2026\D+10:30/);
  checkOther();
});

test('a viewer sees approved versions only and can save, restore or approve nothing', async ({
  browser,
  page,
}) => {
  // Three accounts, a two-party approval and a viewer's round of refusals: 18 s on a quiet
  // machine, past 30 s in one CI run; the refusals themselves are asserted, not the time.
  test.slow();
  const {
    planId,
    facilitator: a,
    other: viewer,
    otherContext,
    checkOther,
  } = await facilitatorAnd(browser, page, 'viewer');
  // A rename in the settings goes through the collab-server: the open board shows it at once,
  // and the version saved next carries it.
  await a.goto(`/plans/${planId}/settings`);
  await a.getByRole('textbox', { name: 'Titel', exact: true }).fill('Umbenannter Plan');
  await a.getByRole('button', { name: 'Speichern' }).click();
  await expect(a.getByRole('status')).toHaveText('Gespeichert.');
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Umbenannter Plan', {
    timeout: 5_000,
  });
  await a.goto(`/plans/${planId}/versions`);
  await a.getByLabel('Bezeichnung').fill('Entwurf 1');
  await a.getByRole('button', { name: 'Version speichern' }).click();
  await expect(versionRow(a, 'Entwurf 1')).toBeVisible();
  // Renaming a draft works through its form.
  await versionRow(a, 'Entwurf 1').getByText('Bezeichnung und Notiz ändern').click();
  await versionRow(a, 'Entwurf 1')
    .getByRole('textbox', { name: 'Bezeichnung' })
    .fill('Entwurf eins');
  await versionRow(a, 'Entwurf 1').getByRole('button', { name: 'Speichern' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Version umbenannt.' })).toBeVisible();
  const row = versionRow(a, 'Entwurf eins');
  const versionId = (await row.getAttribute('data-version-id'))!;
  await row.getByRole('link', { name: 'Entwurf eins', exact: true }).click();
  await expect(a.getByLabel('Titel des Plans', { exact: true })).toHaveValue('Umbenannter Plan');
  await a.goBack();

  await viewer.goto(`/en/plans/${planId}/versions`);
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('Versions');
  // Viewers read the plan and its approved versions: a draft is neither listed nor reachable.
  await expect(versionRow(viewer, 'Entwurf eins')).toHaveCount(0);
  for (const path of [
    `versions/${versionId}`,
    `export/json?version=${versionId}`,
    `print?version=${versionId}`,
  ]) {
    expect((await otherContext.request.get(`/plans/${planId}/${path}`)).status(), path).toBe(404);
  }
  await expect(viewer.getByLabel('Label')).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /Restore|Submit|Approve|Reject/ })).toHaveCount(
    0,
  );
  await expectAccessible(viewer);

  for (const [action, form] of [
    ['save', { label: 'Heimlich', note: '' }],
    ['restore', { versionId }],
    ['approve', { versionId }],
    ['rename', { versionId, label: 'x', note: '' }],
  ] as const) {
    const response = await otherContext.request.post(`/plans/${planId}/versions?/${action}`, {
      headers: { origin: APP_ORIGIN, accept: 'text/html' },
      form,
    });
    expect(response.status(), action).toBe(403);
  }
  await a.reload();
  await expect(
    a.locator('section[aria-labelledby="named-heading"] table.versions tbody tr'),
  ).toHaveCount(1);

  // A version whose stored content no longer matches its hash is flagged everywhere it is shown.
  await tamperWithVersion(versionId);
  await a.goto(`/plans/${planId}/versions`);
  await expect(versionRow(a, 'Entwurf eins').getByRole('alert')).toContainText('Integritätsfehler');
  await versionRow(a, 'Entwurf eins')
    .getByRole('link', { name: 'Entwurf eins', exact: true })
    .click();
  await expect(a.getByTestId('integrity')).toContainText('Integritätsfehler');
  await expect(a.locator('.version-board, .plan-view')).toHaveCount(0);
  await a.goto(`/plans/${planId}/versions/compare?from=${versionId}&to=current`);
  await expect(a.getByRole('alert')).toContainText('Integritätsfehler');
  await expect(a.locator('.diff')).toHaveCount(0);
  checkOther();
});

test('compare names a phase’s kind, responsibilities, budget and guideline marks in words', async ({
  page,
}) => {
  test.slow(); // board, overview, check panel and compare page, with axe
  const doc = new Y.Doc();
  initPlan(doc, { title: `Vergleich ${Date.now()}`, requestingUnit: 'Bezirksamt Pankow' });
  addStakeholder(doc, { name: 'Schulleitung' });
  addStakeholder(doc, { name: 'Bezirksamt' });
  addPhase(doc, { title: 'Auftakt', kind: 'participation' });
  await signInOverHttp(page, ADMIN);
  const planId = await importPlan(page, planToJSON(doc));
  await page.goto(`/plans/${planId}/versions`);
  await page.getByLabel('Bezeichnung').fill('Vorher');
  await page.getByRole('button', { name: 'Version speichern' }).click();
  const versionId = (await versionRow(page, 'Vorher').getAttribute('data-version-id'))!;

  // On the board: the phase becomes a decision with a budget, two RACI letters, and the
  // evaluation is marked not applicable.
  await openBoard(page, planId);
  const card = page
    .locator('li.phase')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'Auftakt' }) });
  await card.getByLabel('Art der Phase').selectOption({ label: 'Entscheidung' });
  await card.getByLabel('Budget (Euro)').fill('1234.5');
  const overview = page.getByRole('button', { name: 'Verantwortung und Ressourcen', exact: true });
  await overview.click();
  await expect(overview).toHaveAttribute('aria-expanded', 'true');
  for (const [name, letter] of [
    ['Bezirksamt', 'A'],
    ['Schulleitung', 'R'],
  ] as const) {
    await page
      .getByRole('combobox', { name: `Verantwortung von ${name} für Auftakt`, exact: true })
      .selectOption(letter);
  }
  await page.getByRole('button', { name: 'Leitlinien-Check', exact: true }).click();
  await page
    .getByRole('button', { name: '„Evaluation des Verfahrens“ als nicht zutreffend markieren' })
    .click();
  await page
    .getByLabel('Begründung, warum „Evaluation des Verfahrens“ nicht zutrifft')
    .fill('Kleines Vorhaben');
  await page.getByRole('button', { name: 'Als nicht zutreffend markieren', exact: true }).click();
  await expect(
    page.getByRole('button', { name: '„Evaluation des Verfahrens“ doch prüfen' }),
  ).toBeVisible();

  const diff = page.locator('.diff');
  // The compare page reads the collab-server's copy: retried until the last edit reached it.
  await expect(async () => {
    await page.goto(`/plans/${planId}/versions/compare?from=${versionId}&to=current`);
    await expect(diff).toHaveAttribute('data-total', '2', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  const phase = diff.locator('[data-section="phases"] li');
  await expect(phase).toContainText('Geändert: Auftakt');
  const field = (name: string, side: 'before' | 'after') =>
    phase.locator(`[data-field="${name}"] .${side}`);
  await expect(field('kind', 'before')).toHaveText('Beteiligung');
  await expect(field('kind', 'after')).toHaveText('Entscheidung');
  await expect(field('budgetEuros', 'before')).toHaveText('nicht geplant');
  await expect(field('budgetEuros', 'after')).toHaveText('1.234,50 €');
  await expect(field('responsibilities', 'before')).toHaveText('keine');
  await expect(field('responsibilities', 'after')).toHaveText('Bezirksamt: A, Schulleitung: R');
  const mark = diff.locator('[data-section="guideline"] li');
  await expect(
    diff.getByRole('heading', {
      level: 2,
      name: 'Leitlinien-Check: als nicht zutreffend markiert',
    }),
  ).toBeVisible();
  await expect(mark).toHaveCount(1);
  await expect(mark.getByRole('heading', { level: 3 })).toHaveText(
    'Hinzugefügt: Evaluation des Verfahrens',
  );
  await expect(mark.locator('[data-field="guidelineReason"] .after')).toHaveText(
    'Kleines Vorhaben',
  );
  await expectAccessible(page);
});
