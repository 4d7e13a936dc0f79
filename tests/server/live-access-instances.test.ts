/**
 * An access change posted to instance A reaches a stock client on instance B within 2 seconds,
 * with two collab-servers on one PostgreSQL schema and one Redis, as deployed behind a load
 * balancer (the app may call either instance).
 */
import { randomBytes } from 'node:crypto';
import {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  uniquePostgresSchema,
} from '@prozesswerkstatt/storage/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeOf,
  postAccessChange,
  synced,
  watchClient,
  type WatchedClient,
} from '../helpers/access-client.js';
import { snapshot } from '../helpers/internal-api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

const WITHIN_MS = 2_000;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

await describePostgres('access changes across instances (PostgreSQL + Redis)', () => {
  const schema = uniquePostgresSchema('live_access');
  let a: TestServer;
  let b: TestServer;
  const clients: WatchedClient[] = [];

  beforeAll(async () => {
    const postgres = { url: TEST_DATABASE_URL, schema };
    a = await startTestServer({ redisUrl, postgres });
    b = await startTestServer({ redisUrl, postgres });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await a?.dispose();
    await b?.dispose();
    await dropPostgresSchema(schema);
  });

  const newDoc = (what: string) => `plans/${what}-${randomBytes(4).toString('hex')}`;

  function onB(docName: string, token: string): WatchedClient {
    const client = watchClient(b.url, docName, token);
    clients.push(client);
    return client;
  }

  it('demotes a client on B when the change is posted to A', async () => {
    const docName = newDoc('demote');
    const client = onB(docName, await signToken({ doc: docName, sub: 'ed', role: 'editor' }));
    await synced(client);
    const changedAt = performance.now();
    const response = await postAccessChange(a.url, docName, { userId: 'ed', role: 'viewer' });
    expect(response.status).toBe(204);
    const { code, afterMs } = await closeOf(client, changedAt);
    expect(code).toBe(4409);
    expect(afterMs).toBeLessThan(WITHIN_MS);
    console.info(`demotion crossed instances in ${afterMs.toFixed(0)} ms`);

    // Reconnected with a viewer token: its writes are refused and never stored, on any instance.
    const viewer = onB(docName, await signToken({ doc: docName, sub: 'ed', role: 'viewer' }));
    await synced(viewer);
    viewer.doc.getMap('probe').set('viewer', true);
    await waitUntil(() => viewer.refusals > 0, { what: 'the write to be refused' });
    await b.server.hub.room(docName)?.flushed();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await snapshot(a.url, docName));
    expect(stored.getMap('probe').get('viewer')).toBeUndefined();
  });

  it('removes a client on B, and B refuses its old token afterwards', async () => {
    const docName = newDoc('remove');
    const token = await signToken({ doc: docName, sub: 'gone', role: 'editor' });
    const client = onB(docName, token);
    const bystander = onB(docName, await signToken({ doc: docName, sub: 'stays', role: 'editor' }));
    await Promise.all([synced(client), synced(bystander)]);
    const removedAt = performance.now();
    expect((await postAccessChange(a.url, docName, { userId: 'gone', role: null })).status).toBe(
      204,
    );
    const { code, afterMs } = await closeOf(client, removedAt);
    expect(code).toBe(4403);
    expect(afterMs).toBeLessThan(WITHIN_MS);
    const stale = onB(docName, token);
    expect((await closeOf(stale, performance.now())).code).toBe(4403);
    expect(bystander.closeCodes).toEqual([]);
  });

  it("remembers a plan's deletion on B even before B has loaded the plan", async () => {
    const docName = newDoc('delete');
    const open = onB(docName, await signToken({ doc: docName, sub: 'open', role: 'facilitator' }));
    await synced(open);
    const deletedAt = performance.now();
    expect((await postAccessChange(a.url, docName, 'deleted')).status).toBe(204);
    const { code, afterMs } = await closeOf(open, deletedAt);
    expect(code).toBe(4410);
    expect(afterMs).toBeLessThan(WITHIN_MS);

    // A document B has never loaded: the change still reaches B over the shared channel, so a
    // token issued before it opens nothing there (polled: the relay delivers asynchronously).
    const unloaded = newDoc('delete-unloaded');
    const oldToken = await signToken({ doc: unloaded, sub: 'early', role: 'editor' });
    expect((await postAccessChange(a.url, unloaded, 'deleted')).status).toBe(204);
    expect(b.server.hub.room(unloaded)).toBeUndefined();
    await waitUntil(
      async () => {
        const late = onB(unloaded, oldToken);
        await waitUntil(() => late.closedAt !== null || late.provider.synced, { what: 'open' });
        return late.closeCodes[0] === 4410;
      },
      { what: 'B to refuse the old token', timeoutMs: WITHIN_MS },
    );
  });
});
