import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';

const APP_ORIGIN = 'http://127.0.0.1:3000';
const METRICS_TOKEN = 'metrics-token-for-tests';

let server: TestServer;
beforeAll(
  async () =>
    (server = await startTestServer({
      allowedOrigins: [APP_ORIGIN],
      metricsToken: METRICS_TOKEN,
    })),
);
afterAll(() => server.dispose());

/** Opens a WebSocket with the given Origin header (none when undefined); resolves how it ended. */
async function upgrade(origin: string | undefined): Promise<'open' | number> {
  const docName = 'plans/origin-check';
  const token = await signToken({ doc: docName, role: 'editor' });
  const socket = new WebSocket(`${server.url}/${docName}?token=${token}`, {
    headers: origin === undefined ? {} : { Origin: origin },
  });
  return new Promise((resolve) => {
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => undefined);
  });
}

describe('WebSocket upgrades and the Origin header', () => {
  it('refuses a page of another origin with 403', async () => {
    expect(await upgrade('https://evil.example')).toBe(403);
    expect(await upgrade('http://127.0.0.1:3001')).toBe(403);
  });

  it('admits the configured app origin, and programs that send no Origin', async () => {
    expect(await upgrade(APP_ORIGIN)).toBe('open');
    expect(await upgrade(undefined)).toBe('open');
  });
});

describe('/metrics', () => {
  const metricsUrl = (): string => `${server.url.replace('ws:', 'http:')}/metrics`;

  it('answers 401 without the bearer token, or with a wrong one', async () => {
    expect((await fetch(metricsUrl())).status).toBe(401);
    const wrong = await fetch(metricsUrl(), { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers the metrics with the token', async () => {
    const response = await fetch(metricsUrl(), {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('collab_errors_total{kind="origin_refused"}');
  });
});
