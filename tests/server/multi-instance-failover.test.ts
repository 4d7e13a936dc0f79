import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/client.js';
import { freePort, spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { delay, waitUntil } from '../helpers/wait.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let instances: ServerProcess[] = [];
let clients: TestClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  for (const instance of instances) await instance.stop('SIGKILL');
  instances = [];
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function keysOf(client: TestClient, writers: number, except = -1): Set<string> {
  const keys = new Set<string>();
  for (let w = 0; w < writers; w++) {
    if (w === except) continue;
    for (const key of client.doc.getMap(`writer-${w}`).keys()) keys.add(`${w}:${key}`);
  }
  return keys;
}

it('loses nothing already broadcast when an instance is killed, and its clients merge elsewhere', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-failover-'));
  for (let i = 0; i < 3; i++) {
    instances.push(
      await spawnServer({ dataDir, port: await freePort(), env: { REDIS_URL: redisUrl } }),
    );
  }
  const docName = `plans/failover-${randomUUID()}`;
  const writers = 6;
  for (let i = 0; i < writers; i++) {
    clients.push(await connectClient(instances[i % 3]!.url, docName, { sub: `w${i}` }));
  }

  let counter = 0;
  let writing = true;
  const writeLoop = (async () => {
    while (writing && counter < 1_000) {
      clients.forEach((client, i) => client.doc.getMap(`writer-${i}`).set(`k${counter}`, counter));
      counter++;
      await delay(10); // pacing
    }
  })();
  // Kill one instance mid-write, once plenty has gone from client to client.
  await waitUntil(
    () => new Set(clients.flatMap((client, i) => [...keysOf(client, writers, i)])).size > 200,
    { what: 'relayed writes' },
  );

  const victims = clients.filter((_, i) => i % 3 === 0);
  await instances[0]!.stop('SIGKILL');
  await waitUntil(() => victims.every((c) => !c.provider.wsconnected), { what: 'disconnect' });
  // What anybody received from someone else went through a server: it must never be lost.
  const mustSurvive = new Set(clients.flatMap((client, i) => [...keysOf(client, writers, i)]));
  expect(mustSurvive.size).toBeGreaterThan(100);
  // The load balancer sends the victims' reconnects to a surviving instance.
  for (const victim of victims) victim.provider.serverUrl = instances[1]!.url;
  // Keep writing until the victims are back (through the survivor) and have written there.
  await waitUntil(() => victims.every((c) => c.provider.wsconnected && c.provider.synced), {
    what: 'the victims to reconnect',
    timeoutMs: 15_000,
  });
  const atReconnect = counter;
  await waitUntil(() => counter >= atReconnect + 5, { what: 'writes after the reconnect' });
  writing = false;
  await writeLoop;

  const expectedTotal = writers * counter;
  await waitUntil(() => clients.every((c) => keysOf(c, writers).size === expectedTotal), {
    what: 'convergence after failover',
    timeoutMs: 20_000,
  });
  const fresh = await connectClient(instances[2]!.url, docName, { sub: 'fresh', role: 'viewer' });
  clients.push(fresh);
  const stored = keysOf(fresh, writers);
  expect([...mustSurvive].filter((key) => !stored.has(key))).toEqual([]);
  expect(stored.size).toBe(expectedTotal);
});
