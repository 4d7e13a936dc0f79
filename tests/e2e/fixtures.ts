import { test as base, expect } from '@playwright/test';

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

/**
 * `test` with two guards that run around every test automatically:
 * - a request recorder on the browser context: any request or WebSocket to a host other than
 *   127.0.0.1/localhost fails the test (the app must run self-hosted, without third parties);
 * - a console watcher: any CSP violation, other console error or uncaught page error fails it.
 */
export const test = base.extend<{ guards: void }>({
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
