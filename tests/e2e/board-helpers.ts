/**
 * Helpers of the board specs (`board*.spec.ts`): two people on one plan, waiting for the live
 * connection, and the request/console guard for pages that the `test` fixture does not watch
 * (every page after the first).
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
  ADMIN,
  newAccount,
  signInOverHttp,
  signUpOverHttp,
  type Account,
} from './helpers/accounts.js';
import {
  acceptInviteOverHttp,
  createPlanOverHttp,
  inviteOverHttp,
  type Role,
} from './helpers/plans.js';

/** Hosts a page may talk to. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Watches a page like the `guards` fixture does: requests/WebSockets to other hosts, CSP
 * violations, console errors. Call the returned function at the end of the test.
 */
export function guardPage(page: Page, label: string): () => void {
  const problems: string[] = [];
  const foreign = (url: string) => {
    const parsed = new URL(url);
    return /^(https?|wss?):$/.test(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
  };
  page.on('request', (r) => {
    if (foreign(r.url())) problems.push(`${label}: request to ${r.url()}`);
  });
  page.on('websocket', (s) => {
    if (foreign(s.url())) problems.push(`${label}: WebSocket to ${s.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`${label}: console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${label}: uncaught ${e.message}`));
  return () => expect(problems, `problems on ${label}'s page`).toEqual([]);
}

/** Waits until the board's connection indicator says "connected". */
export async function waitConnected(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible({
    timeout: 15_000,
  });
}

/** Opens the board of `planId` and waits for the live connection. */
export async function openBoard(page: Page, planId: string): Promise<void> {
  await page.goto(`/plans/${planId}`);
  await waitConnected(page);
}

/** A facilitator (the admin account) and a second person with `role`, both on a new plan. */
export interface Pair {
  planId: string;
  title: string;
  facilitator: Page;
  other: Page;
  otherAccount: Account;
  otherContext: BrowserContext;
  /** Checks the second page's guard; call at the end. */
  checkOther: () => void;
}

/**
 * Signs the facilitator in on `page`, creates a plan, invites a new account with `role` in a
 * second context and opens the board in both (at once) (the second context may be prepared first, e.g.
 * with a WebSocket route, through `prepare`).
 */
export async function facilitatorAnd(
  browser: Browser,
  page: Page,
  role: Role,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Pair> {
  const title = `Beteiligung Radverkehr ${Date.now().toString(36)}`;
  // Accounts, plan and membership over HTTP: the boards are these specs' subject, the forms have
  // their own specs (accounts, plans, plans-invitations).
  await signInOverHttp(page, ADMIN);
  const planId = await createPlanOverHttp(page, title, 'Bezirksamt Mitte');
  const link = await inviteOverHttp(page, planId, role);
  const otherContext = await browser.newContext();
  if (prepare) await prepare(otherContext);
  const other = await otherContext.newPage();
  const checkOther = guardPage(other, role);
  const otherAccount = newAccount(role);
  await signUpOverHttp(other, otherAccount);
  await acceptInviteOverHttp(other, link);
  await Promise.all([openBoard(page, planId), openBoard(other, planId)]);
  return { planId, title, facilitator: page, other, otherAccount, otherContext, checkOther };
}

/** The name inputs of the stakeholder table, in order. */
export function stakeholderNames(page: Page) {
  return page.locator('table.stakeholders tbody tr th input');
}

/** The phase title inputs, in order. */
export function phaseTitles(page: Page) {
  return page.getByLabel('Titel der Phase', { exact: true });
}

/**
 * Waits until the server has stored every one of `texts` in the plan (polls the JSON export,
 * which reads storage): a positive signal that typed edits arrived, instead of a sleep.
 */
export async function waitStored(page: Page, planId: string, texts: string[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/plans/${planId}/export/json`);
        const json = response.ok() ? await response.text() : '';
        return texts.filter((text) => !json.includes(JSON.stringify(text).slice(1, -1)));
      },
      { message: 'texts not yet stored on the server', intervals: [100, 250, 500] },
    )
    .toEqual([]);
}

/**
 * Waits until the page's offline copy (y-indexeddb) has stopped growing: its writes are
 * asynchronous, and a reload a few milliseconds after typing could otherwise outrun the last one.
 * Compares the number of stored updates across two reads a short interval apart.
 */
export async function waitForOfflineCopy(page: Page): Promise<void> {
  const countStoredUpdates = () =>
    page.evaluate(async () => {
      let total = 0;
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        if (db.objectStoreNames.contains('updates')) {
          total += await new Promise<number>((resolve, reject) => {
            const request = db.transaction('updates').objectStore('updates').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        }
        db.close();
      }
      return total;
    });
  let previous = -1;
  await expect
    .poll(
      async () => {
        const now = await countStoredUpdates();
        const settled = now > 0 && now === previous;
        previous = now;
        return settled;
      },
      { intervals: [150], timeout: 10_000 },
    )
    .toBe(true);
}
