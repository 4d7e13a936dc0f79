import { test as base, expect, type Page } from '@playwright/test';

/** Hosts the app may talk to; everything else is a call to a third party and fails the test. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Protocols that go over the network (data:, blob:, about: never leave the browser). */
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** Chromium's wording for Content-Security-Policy violations in the console. */
const CSP_MESSAGE = /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i;

/** True if `url` leaves this machine. */
function isForeign(url: string): boolean {
  const parsed = new URL(url);
  return NETWORK_PROTOCOLS.has(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
}

/** Set by the root layout once the page is hydrated (see `app/src/routes/+layout.svelte`). */
const HYDRATED = 'html[data-hydrated]';

/**
 * Makes `page.goto` of an HTML page return only once the app is hydrated: a click before that
 * submits a form natively, and a refused action then loads as a 400 document — a console error
 * that a person clicking a second later never meets.
 */
function waitForHydrationAfterGoto(page: Page): Page {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    const html = response?.headers()['content-type']?.startsWith('text/html') ?? false;
    if (html) await page.locator(HYDRATED).waitFor({ state: 'attached' });
    return response;
  };
  return page;
}

/**
 * `test` with two guards that run around every test automatically:
 * - a request recorder on the browser context: any request or WebSocket to a host other than
 *   127.0.0.1/localhost fails the test (the app must run self-hosted, without third parties);
 * - a console watcher: any CSP violation, other console error or uncaught page error fails it.
 */
export const test = base.extend<{ guards: void }>({
  page: async ({ page }, use) => {
    await use(waitForHydrationAfterGoto(page));
  },
  guards: [
    async ({ context, page }, use) => {
      const foreignRequests: string[] = [];
      const cspViolations: string[] = [];
      const consoleErrors: string[] = [];

      context.on('request', (request) => {
        if (isForeign(request.url())) foreignRequests.push(`${request.method()} ${request.url()}`);
      });
      page.on('websocket', (socket) => {
        if (isForeign(socket.url())) foreignRequests.push(`WebSocket ${socket.url()}`);
      });
      page.on('console', (message) => {
        const text = message.text();
        if (CSP_MESSAGE.test(text)) cspViolations.push(text);
        else if (message.type() === 'error') consoleErrors.push(text);
      });
      page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

      await use();

      expect(foreignRequests, 'requests to hosts other than 127.0.0.1/localhost').toEqual([]);
      expect(cspViolations, 'Content-Security-Policy violations in the console').toEqual([]);
      expect(consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
