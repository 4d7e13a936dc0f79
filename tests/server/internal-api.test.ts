/**
 * The collab-server's internal API only answers the app's service tokens and refuses bad input
 * without touching the document; a service token never opens a WebSocket.
 */
import { addStakeholder, initPlan, listStakeholders } from '@prozesswerkstatt/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { connectClient } from '../helpers/client.js';
import { callInternal, postUpdate, snapshot } from '../helpers/internal-api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signServiceToken, signToken } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.dispose());

const name = 'plans/internal-api';

describe('internal API', () => {
  it('refuses browser tokens, other documents, bad bodies and other methods', async () => {
    const browserToken = await signToken({ doc: name, role: 'facilitator' });
    const browser = await callInternal(server.url, name, 'snapshot', { token: browserToken });
    expect(browser.status).toBe(401);
    const other = await callInternal(server.url, name, 'snapshot', {
      token: await signServiceToken('plans/other'),
    });
    expect(other.status).toBe(403);
    const forged = await callInternal(server.url, name, 'snapshot', {
      token: await signServiceToken(name, 'user-1', 'another-secret-of-at-least-thirty-two-chars'),
    });
    expect(forged.status).toBe(401);
    const missing = await callInternal(server.url, name, 'snapshot', { token: '' });
    expect(missing.status).toBe(401);
    const garbage = await callInternal(server.url, name, 'updates', {
      body: new Uint8Array([255, 255, 255, 1, 2]),
    });
    expect(garbage.status).toBe(400);
    const empty = await callInternal(server.url, name, 'updates');
    expect(empty.status).toBe(400);
    const get = await callInternal(server.url, name, 'snapshot', { method: 'GET' });
    expect(get.status).toBe(405);
    const badName = await callInternal(server.url, '../etc', 'snapshot');
    expect(badName.status).toBe(400);
    expect(await server.storage.loadDocument(name)).toBeNull();
  });

  it('a service token does not open a WebSocket', async () => {
    const token = await signServiceToken(name);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.url}/${name}?token=${token}`);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBeGreaterThanOrEqual(401);
    expect(status).toBeLessThan(404);
  });

  it('an update from the app is stored and reaches every client live', async () => {
    const client = await connectClient(server.url, 'plans/internal-live', { sub: 'editor' });
    initPlan(client.doc, { title: 'Live' });
    const current = new Y.Doc();
    Y.applyUpdate(current, await snapshot(server.url, 'plans/internal-live'));
    const before = Y.encodeStateVector(current);
    addStakeholder(current, { name: 'Vom Server' });
    await postUpdate(server.url, 'plans/internal-live', Y.encodeStateAsUpdate(current, before));
    await waitUntil(() => listStakeholders(client.doc).length === 1);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await server.storage.loadDocument('plans/internal-live'))!);
    expect(listStakeholders(stored).map((s) => s.name)).toEqual(['Vom Server']);
    client.destroy();
  });
});
