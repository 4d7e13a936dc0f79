/**
 * Offline editing: one context goes offline (`context.setOffline(true)`), edits, reloads, comes
 * back online — its edits survive the reload (IndexedDB) and merge into the other context.
 *
 * A reload needs the app server, so the page comes back online for HTTP before reloading while
 * its collab WebSocket stays held back by a route (registered before the board loads, as
 * Playwright's WebSocket routes only apply to documents loaded afterwards); releasing the route
 * is "the connection returns".
 */
import type { WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, login, logout } from './helpers/accounts.js';
import { createPlan } from './helpers/plans.js';
import {
  facilitatorAnd,
  stakeholderNames,
  waitConnected,
  waitForOfflineCopy,
} from './board-helpers.js';

test('edits made offline survive a reload and merge when the connection returns', async ({
  browser,
  page,
}) => {
  let holdCollab = false;
  const held: WebSocketRoute[] = [];
  const {
    facilitator,
    other: editor,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor', async (context) => {
    await context.routeWebSocket(/^wss?:\/\//, (socket) => {
      if (holdCollab) held.push(socket);
      else socket.connectToServer();
    });
  });
  const context = editor.context();

  holdCollab = true;
  await context.setOffline(true);
  await expect(editor.getByRole('status')).toContainText('Offline');
  await editor.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await editor.keyboard.type('Quartiersrat');
  await editor.getByRole('textbox', { name: 'Ziele', exact: true }).click();
  await editor.keyboard.type('Offline notiert');
  await waitForOfflineCopy(editor);

  await context.setOffline(false);
  await editor.reload();
  await expect(editor.locator('[data-ready="true"]')).toBeVisible();
  await expect(stakeholderNames(editor).first()).toHaveValue('Quartiersrat');
  await expect(editor.getByRole('textbox', { name: 'Ziele', exact: true })).toHaveText(
    'Offline notiert',
  );
  await expect(stakeholderNames(facilitator)).toHaveCount(0);

  // The connection returns: the held sockets close, the provider reconnects through.
  holdCollab = false;
  for (const socket of held) await socket.close();
  await waitConnected(editor);
  await expect(stakeholderNames(facilitator).first()).toHaveValue('Quartiersrat');
  await expect(facilitator.getByRole('textbox', { name: 'Ziele', exact: true })).toHaveText(
    'Offline notiert',
  );
  checkOther();
});

test('logging out removes the offline copies of plans from the browser', async ({ page }) => {
  await login(page, ADMIN);
  await createPlan(page, `Geteilter Rechner ${Date.now()}`, 'Bezirksamt');
  await waitConnected(page);
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Vertraulich');
  await waitForOfflineCopy(page);
  const offlineCopies = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).filter(({ name }) => name?.startsWith('prozesswerkstatt:')),
    );
  expect(await offlineCopies()).toHaveLength(1);

  await logout(page);
  await expect.poll(async () => (await offlineCopies()).length).toBe(0);
});
