/**
 * Offline editing: one context goes offline (`context.setOffline(true)`), edits, reloads, comes
 * back online — its edits survive the reload (IndexedDB) and merge into the other context.
 *
 * The second test reloads while really offline: the service worker serves the board page and the
 * app shell from its caches, the board opens from IndexedDB without a collab token and syncs
 * once the network returns.
 *
 * In the first test the reload needs the app server, so the page comes back online for HTTP before reloading while
 * its collab WebSocket stays held back by a route (registered before the board loads, as
 * Playwright's WebSocket routes only apply to documents loaded afterwards); releasing the route
 * is "the connection returns".
 */
import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { ADMIN, logout, signInOverHttp } from './helpers/accounts.js';
import { createPlanOverHttp } from './helpers/plans.js';
import {
  facilitatorAnd,
  openBoard,
  phaseTitles,
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

/** True once the service worker controls `page` and has stored its board page. */
function boardPageStored(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const { origin, pathname } = window.location;
    return (await caches.match(`${origin}${pathname}`)) !== undefined;
  });
}

test('a board opened before reopens on a reload without network, and its edits sync later', async ({
  browser,
  page,
}) => {
  // Two people, a reload and a resync: more steps than most tests.
  test.slow();
  const {
    facilitator,
    other: editor,
    otherContext,
    checkOther,
  } = await facilitatorAnd(browser, page, 'editor');
  await facilitator.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await facilitator.keyboard.type('Bezirksbeirat');
  await expect(stakeholderNames(editor).first()).toHaveValue('Bezirksbeirat');
  await expect.poll(() => boardPageStored(editor), { timeout: 10_000 }).toBe(true);
  await waitForOfflineCopy(editor);

  await otherContext.setOffline(true);
  const reload = await editor.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(editor.locator('[data-ready="true"]')).toBeVisible();
  await expect(editor.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(stakeholderNames(editor).first()).toHaveValue('Bezirksbeirat');

  // Both edit at the same time: the editor offline, the facilitator online.
  await editor.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await editor.keyboard.type('Offline ergänzt');
  await facilitator.getByRole('button', { name: 'Phase hinzufügen' }).click();
  await facilitator.keyboard.type('Während der Funkstille');
  await waitForOfflineCopy(editor);
  await expect(stakeholderNames(facilitator)).toHaveCount(1);

  await otherContext.setOffline(false);
  await waitConnected(editor);
  await expect(stakeholderNames(facilitator).nth(1)).toHaveValue('Offline ergänzt');
  await expect(phaseTitles(editor).first()).toHaveValue('Während der Funkstille');
  await expect(stakeholderNames(editor)).toHaveCount(2);
  checkOther();
});

test('logging out removes the offline copies and stored board pages from the browser', async ({
  page,
}) => {
  await signInOverHttp(page, ADMIN);
  await openBoard(
    page,
    await createPlanOverHttp(page, `Geteilter Rechner ${Date.now()}`, 'Bezirksamt'),
  );
  await page.getByRole('button', { name: 'Beteiligte hinzufügen' }).click();
  await page.keyboard.type('Vertraulich');
  await waitForOfflineCopy(page);
  const offlineCopies = () =>
    page.evaluate(async () =>
      (await indexedDB.databases()).filter(({ name }) => name?.startsWith('prozesswerkstatt:')),
    );
  expect(await offlineCopies()).toHaveLength(1);
  await expect.poll(() => boardPageStored(page), { timeout: 10_000 }).toBe(true);
  const storedPages = () =>
    page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('pages-')));

  await logout(page);
  await expect.poll(async () => (await offlineCopies()).length).toBe(0);
  await expect.poll(storedPages).toEqual([]);
});
