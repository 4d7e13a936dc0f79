/**
 * Two people move one phase's start and end past each other at the same moment (the editor's
 * connection held back for the moment, so both edits are made on the old state and merge): the
 * merged phase ends before it starts, which neither could have typed alone. Saving a version of
 * that state works, the version opens, and restoring it is refused with what is wrong in it —
 * nothing is written, not even the backup.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { facilitatorAnd, phaseTitles } from './board-helpers.js';

test.describe.configure({ timeout: 90_000 });

const LIVE = { timeout: 10_000 };

/** The card of a phase in the list of phases, by its title. */
function card(page: Page, title: string) {
  return page
    .locator('li.phase')
    .filter({ has: page.getByRole('heading', { name: `: ${title}` }) });
}

function startOf(page: Page, title: string) {
  return card(page, title).getByLabel('Beginn', { exact: true });
}

function endOf(page: Page, title: string) {
  return card(page, title).getByLabel('Ende', { exact: true });
}

/** The row of a version in the list, by its title. */
function versionRow(page: Page, title: string) {
  return page
    .locator('table.versions tbody tr')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

test('a version of a merged backwards phase is saved and shown, its restore refused', async ({
  browser,
  page,
}) => {
  // Messages of the editor's collab connection, held while `holding` and sent in order after.
  let holding = false;
  const held: (() => void)[] = [];
  const pass = (send: () => void) => (holding ? held.push(send) : send());
  const {
    facilitator: a,
    other: b,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor', async (context) => {
    await context.routeWebSocket(/^wss?:\/\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => pass(() => server.send(message)));
      server.onMessage((message) => pass(() => socket.send(message)));
    });
  });

  await a.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await a.keyboard.type('Auftakt');
  await expect(phaseTitles(a).last()).toHaveValue('Auftakt');
  await startOf(a, 'Auftakt').fill('2026-03-10');
  await endOf(a, 'Auftakt').fill('2026-03-25');
  await expect(endOf(b, 'Auftakt')).toHaveValue('2026-03-25', LIVE);

  // At the same moment: the facilitator moves the start to the 20th, the editor the end to the
  // 15th. Each is fine on the state its author sees.
  holding = true;
  await startOf(a, 'Auftakt').fill('2026-03-20');
  await endOf(b, 'Auftakt').fill('2026-03-15');
  await expect(startOf(b, 'Auftakt')).toHaveValue('2026-03-10');
  holding = false;
  for (const send of held.splice(0)) send();
  await expect(endOf(a, 'Auftakt')).toHaveValue('2026-03-15', LIVE);
  await expect(startOf(b, 'Auftakt')).toHaveValue('2026-03-20', LIVE);

  // A version of the merged state is saved and opens.
  await a.getByRole('link', { name: 'Version speichern' }).click();
  await a.getByLabel('Bezeichnung').fill('Nach der Sitzung');
  await a.getByRole('button', { name: 'Version speichern' }).click();
  await expect(
    a.getByRole('status').filter({ hasText: 'Version „Nach der Sitzung“ gespeichert.' }),
  ).toBeVisible();
  const versions = a.url();
  await versionRow(a, 'Nach der Sitzung')
    .getByRole('link', { name: 'Nach der Sitzung', exact: true })
    .click();
  await expect(a.getByRole('heading', { name: /Nach der Sitzung/, level: 1 })).toBeVisible();
  await expect(a.getByText('Prüfsumme stimmt')).toBeVisible();

  // Restoring it is refused with the phase named; no backup version is written.
  await a.goto(versions);
  const rows = await a.locator('table.versions tbody tr').count();
  await versionRow(a, 'Nach der Sitzung')
    .getByRole('button', { name: 'Wiederherstellen: Nach der Sitzung', exact: true })
    .click();
  await a
    .getByRole('dialog', { name: 'Version wiederherstellen?' })
    .getByRole('button', { name: 'Ja, wiederherstellen' })
    .click();
  const refusal = a.getByRole('alert');
  await expect(refusal).toContainText('Diese Version lässt sich nicht wiederherstellen');
  await expect(refusal).toContainText('Auftakt');
  await expect(a.locator('table.versions tbody tr')).toHaveCount(rows);
  await expect(a.getByText(/Vor Wiederherstellung/)).toHaveCount(0);
  checkOther();
});
