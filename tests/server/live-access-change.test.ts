/**
 * A role change, a removal and a plan's deletion reach the open connection at once, through the
 * BUILT app (members page actions → collab-server's internal API) and one collab-server, with a
 * stock y-websocket client holding the token the app issued. Needs `pnpm build` first.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeOf,
  postAccessChange,
  synced,
  watchClient,
  type WatchedClient,
} from '../helpers/access-client.js';
import { seedPlan, startApp, type AppProcess, type SeededPerson } from '../helpers/app-process.js';
import { snapshot } from '../helpers/internal-api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

/** The item's bound: every open connection hears of a change within 2 seconds. */
const WITHIN_MS = 2_000;

let collab: TestServer;
let app: AppProcess;
const planId = `plan${randomBytes(6).toString('hex')}`;
const docName = `plans/${planId}`;
let people: Map<string, SeededPerson>;
const clients: WatchedClient[] = [];

beforeAll(async () => {
  collab = await startTestServer();
  people = await seedPlan(collab.storage, planId, {
    facilitator: 'facilitator',
    demoted: 'editor',
    removed: 'editor',
  });
  app = await startApp({ dataDir: collab.dataDir, collabUrl: collab.url });
}, 40_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await app?.stop();
  await collab?.dispose();
});

function person(label: string): SeededPerson {
  const found = people.get(label);
  if (!found) throw new Error(`no seeded person ${label}`);
  return found;
}

/** `GET /plans/<id>/collab-token` as `label`: the response. */
function tokenRequest(label: string): Promise<Response> {
  return fetch(`${app.origin}/plans/${planId}/collab-token`, {
    headers: { cookie: person(label).cookie },
  });
}

async function appToken(label: string): Promise<{ token: string; role: string }> {
  const response = await tokenRequest(label);
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; role: string };
}

/** Submits a members page form action as the facilitator, like the browser does. */
async function membersAction(action: string, fields: Record<string, string>): Promise<number> {
  const response = await fetch(`${app.origin}/plans/${planId}/members?/${action}`, {
    method: 'POST',
    headers: { cookie: person('facilitator').cookie, origin: app.origin },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  return response.status;
}

function connect(token: string): WatchedClient {
  const client = watchClient(collab.url, docName, token);
  clients.push(client);
  return client;
}

async function storedProbe(key: string): Promise<unknown> {
  await collab.server.hub.room(docName)?.flushed();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await snapshot(collab.url, docName));
  return doc.getMap('probe').get(key);
}

describe('a live access change through the app', () => {
  it('closes a demoted editor within 2 s; it reconnects as a viewer whose writes are refused', async () => {
    const { token: editorToken } = await appToken('demoted');
    const editor = connect(editorToken);
    await synced(editor);
    editor.doc.getMap('probe').set('before', true);
    await waitUntil(async () => (await storedProbe('before')) === true);

    const changedAt = performance.now();
    expect(
      await membersAction('changeRole', { userId: person('demoted').userId, role: 'viewer' }),
    ).toBe(200);
    const { code, afterMs } = await closeOf(editor, changedAt);
    expect(code).toBe(4409);
    expect(afterMs).toBeLessThan(WITHIN_MS);
    console.info(`demotion closed the connection ${afterMs.toFixed(0)} ms after the request`);
    // 4409 is permanent for the stock client: it does not retry the old token by itself.
    expect(editor.provider.shouldConnect).toBe(false);

    // The old editor token, still unexpired, opens no editor connection any more.
    const stale = connect(editorToken);
    expect((await closeOf(stale, performance.now())).code).toBe(4409);

    const fresh = await appToken('demoted');
    expect(fresh.role).toBe('viewer');
    const viewer = connect(fresh.token);
    await synced(viewer);
    viewer.doc.getMap('probe').set('after', true);
    await waitUntil(() => viewer.refusals > 0, { what: 'the write to be refused' });
    expect(await storedProbe('after')).toBeUndefined();
    expect(viewer.closeCodes).toEqual([]);
  });

  it('closes a removed member within 2 s, and the next token request is refused', async () => {
    const { token } = await appToken('removed');
    const member = connect(token);
    await synced(member);
    const removedAt = performance.now();
    expect(await membersAction('remove', { userId: person('removed').userId })).toBe(200);
    const { code, afterMs } = await closeOf(member, removedAt);
    expect(code).toBe(4403);
    expect(afterMs).toBeLessThan(WITHIN_MS);
    expect((await tokenRequest('removed')).status).toBe(404);
    const stale = connect(token);
    expect((await closeOf(stale, performance.now())).code).toBe(4403);
  });

  it('leaves connections of other members and in an unchanged role open', async () => {
    const { token } = await appToken('facilitator');
    const facilitator = connect(token);
    await synced(facilitator);
    // Setting the role the member already has is no change.
    expect(
      await membersAction('changeRole', {
        userId: person('facilitator').userId,
        role: 'facilitator',
      }),
    ).toBe(200);
    facilitator.doc.getMap('probe').set('still', true);
    await waitUntil(async () => (await storedProbe('still')) === true);
    expect(facilitator.closeCodes).toEqual([]);
  });
});

describe('the internal API on one instance', () => {
  it('closes every connection of a deleted plan within 2 s, also one opened with an old token', async () => {
    const doc = `plans/deleted-${randomBytes(4).toString('hex')}`;
    const tokens = await Promise.all(
      ['a', 'b'].map((sub) => signToken({ doc, sub, role: 'editor' })),
    );
    const open = tokens.map((token) => watchClient(collab.url, doc, token));
    clients.push(...open);
    await Promise.all(open.map(synced));
    const deletedAt = performance.now();
    expect((await postAccessChange(collab.url, doc, 'deleted')).status).toBe(204);
    for (const client of open) {
      const { code, afterMs } = await closeOf(client, deletedAt);
      expect(code).toBe(4410);
      expect(afterMs).toBeLessThan(WITHIN_MS);
    }
    const late = watchClient(collab.url, doc, tokens[0]!);
    clients.push(late);
    expect((await closeOf(late, performance.now())).code).toBe(4410);
  });

  it('closes a connection when its token expires, so membership is checked again', async () => {
    const doc = `plans/expiry-${randomBytes(4).toString('hex')}`;
    const token = await signToken({ doc, sub: 'short', role: 'editor', expiresIn: 2 });
    const client = watchClient(collab.url, doc, token);
    clients.push(client);
    await synced(client);
    const { code } = await closeOf(client, performance.now());
    expect(code).toBe(4401);
    expect(client.provider.shouldConnect).toBe(false);
  });

  it('refuses malformed access changes and unsigned calls', async () => {
    const doc = `plans/bad-${randomBytes(4).toString('hex')}`;
    const base = `${collab.url.replace(/^ws/, 'http')}/internal/documents/${encodeURIComponent(doc)}`;
    expect((await fetch(`${base}/deleted`, { method: 'POST' })).status).toBe(401);
    expect((await postAccessChange(collab.url, doc, { userId: 'u', role: 'owner' })).status).toBe(
      400,
    );
    expect((await fetch(`${base}/members/u`, { method: 'GET' })).status).toBe(405);
  });
});
