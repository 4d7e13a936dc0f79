import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addStakeholder,
  initPlan,
  listStakeholders,
  toCanonicalJSON,
} from '@prozesswerkstatt/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let dataDir = '';
let instances: TestServer[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-multi-'));
  instances = [];
  for (let i = 0; i < 3; i++) instances.push(await startTestServer({ dataDir, redisUrl }));
});
afterAll(async () => {
  for (const instance of instances) await instance.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('three instances over Redis', () => {
  it('let clients spread across instances edit one plan together and converge', async () => {
    const docName = `plans/multi-${randomUUID()}`;
    const seed = await connectClient(instances[0]!.url, docName, { sub: 'seed' });
    initPlan(seed.doc, { title: 'Verteilt' });
    const clients: TestClient[] = [seed];
    for (let i = 1; i < 9; i++) {
      clients.push(await connectClient(instances[i % 3]!.url, docName, { sub: `c${i}` }));
    }
    await waitUntil(() =>
      clients.every((c) => toCanonicalJSON(c.doc) === toCanonicalJSON(seed.doc)),
    );
    clients.forEach((client, i) => addStakeholder(client.doc, { name: `Gruppe ${i}` }));
    await waitUntil(
      () => {
        const first = toCanonicalJSON(clients[0]!.doc);
        return (
          listStakeholders(clients[0]!.doc).length === 9 &&
          clients.every((c) => toCanonicalJSON(c.doc) === first)
        );
      },
      { what: 'convergence across instances' },
    );
    // A client joining on any instance gets the full state.
    const late = await connectClient(instances[2]!.url, docName, { sub: 'late', role: 'viewer' });
    expect(toCanonicalJSON(late.doc)).toBe(toCanonicalJSON(clients[0]!.doc));
    // Presence crosses instances too.
    seed.provider.awareness.setLocalStateField('user', { name: 'seed' });
    await waitUntil(() => late.provider.awareness.getStates().has(seed.doc.clientID));
    for (const client of [...clients, late]) client.destroy();
  });

  it('store every update exactly once', async () => {
    const docName = `plans/once-${randomUUID()}`;
    const writer = await connectClient(instances[0]!.url, docName, { sub: 'w' });
    const readers = await Promise.all(
      [1, 2].map((i) => connectClient(instances[i]!.url, docName, { sub: `r${i}` })),
    );
    for (let i = 0; i < 20; i++) writer.doc.getMap('m').set(`k${i}`, i);
    await waitUntil(() => readers.every((r) => r.doc.getMap('m').size === 20));
    for (const instance of instances) await instance.server.hub.room(docName)?.flushed();
    expect(await instances[0]!.storage.countUpdates(docName)).toBe(20);
    for (const client of [writer, ...readers]) client.destroy();
  });
});

describe('a snapshot on one instance', () => {
  it('holds an edit another instance stored before its relayed copy arrived', async () => {
    const docName = `plans/snapshot-${randomUUID()}`;
    const a = await connectClient(instances[0]!.url, docName, { sub: 'a' });
    a.doc.getMap('m').set('here', 1);
    await waitUntil(async () => (await instances[0]!.storage.countUpdates(docName)) === 1);
    // What instance 1 stores for one of its clients, caught before it publishes to the others.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(a.doc));
    const known = Y.encodeStateVector(elsewhere);
    elsewhere.getMap('m').set('elsewhere', 2);
    await instances[1]!.storage.appendUpdates(docName, [Y.encodeStateAsUpdate(elsewhere, known)]);

    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, await instances[0]!.server.hub.snapshot(docName));
    expect(snapshot.getMap('m').toJSON()).toEqual({ here: 1, elsewhere: 2 });
    // The client on instance 0 gets it too, and nothing is stored a second time.
    await waitUntil(() => a.doc.getMap('m').get('elsewhere') === 2);
    expect(await instances[0]!.storage.countUpdates(docName)).toBe(2);
    a.destroy();
  });
});

describe('after a Redis outage', () => {
  it('an instance catches up from storage on what it missed', async () => {
    const { Redis } = await import('ioredis');
    const admin = new Redis(redisUrl);
    const docName = `plans/outage-${randomUUID()}`;
    const a = await connectClient(instances[0]!.url, docName, { sub: 'a' });
    const b = await connectClient(instances[1]!.url, docName, { sub: 'b' });
    a.doc.getMap('m').set('before', 1);
    await waitUntil(() => b.doc.getMap('m').get('before') === 1);
    // Cut every subscriber off; what is published until they are back reaches nobody.
    await admin.client('KILL', 'TYPE', 'pubsub');
    a.doc.getMap('m').set('during', 2);
    await waitUntil(() => b.doc.getMap('m').get('during') === 2, { what: 'catch-up' });
    const metrics = await instances[1]!.server.metrics.registry.getSingleMetricAsString(
      'collab_relay_resumes_total',
    );
    expect(metrics).toMatch(/collab_relay_resumes_total [1-9]/);
    a.destroy();
    b.destroy();
    admin.disconnect();
  });
});
