import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/client.js';
import { freePort, spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { delay, waitUntil } from '../helpers/wait.js';

const docName = 'plans/sigkill';
let server: ServerProcess | undefined;
let clients: TestClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await server?.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Keys of every client map except the client's own: what it can only have got from the server. */
function receivedFromOthers(clients: TestClient[]): Set<string> {
  const keys = new Set<string>();
  clients.forEach((client, own) => {
    clients.forEach((_, other) => {
      if (other === own) return;
      for (const key of client.doc.getMap(`writer-${other}`).keys()) keys.add(`${other}:${key}`);
    });
  });
  return keys;
}

function allKeys(client: TestClient, writers: number): Set<string> {
  const keys = new Set<string>();
  for (let w = 0; w < writers; w++) {
    for (const key of client.doc.getMap(`writer-${w}`).keys()) keys.add(`${w}:${key}`);
  }
  return keys;
}

it('keeps every update any client received when the server is killed mid-write, and merges unsent edits', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-sigkill-'));
  const port = await freePort();
  server = await spawnServer({ dataDir, port });
  const writers = 3;
  clients = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      connectClient(server!.url, docName, { sub: `w${i}` }),
    ),
  );

  let counter = 0;
  let writing = true;
  const writeLoop = (async () => {
    while (writing && counter < 2_000) {
      clients.forEach((client, i) => client.doc.getMap(`writer-${i}`).set(`k${counter}`, counter));
      counter++;
      await delay(10); // pacing
    }
  })();

  // Kill it mid-write, once plenty has gone from client to client through the server.
  await waitUntil(() => receivedFromOthers(clients).size > 150, { what: 'relayed writes' });
  await server.stop('SIGKILL');
  await waitUntil(() => clients.every((c) => !c.provider.wsconnected), { what: 'disconnect' });
  for (const client of clients) client.provider.disconnect();
  const mustSurvive = receivedFromOthers(clients);
  const atKill = counter;
  await waitUntil(() => counter >= atKill + 5, { what: 'edits while offline' });
  writing = false;
  await writeLoop;
  expect(mustSurvive.size).toBeGreaterThan(50);

  server = await spawnServer({ dataDir, port });
  const fresh = await connectClient(server.url, docName, { role: 'viewer', sub: 'fresh' });
  const stored = allKeys(fresh, writers);
  const lost = [...mustSurvive].filter((key) => !stored.has(key));
  expect(lost).toEqual([]);
  clients.push(fresh);

  // The writers come back: their own unsent and offline edits merge, everyone converges.
  for (const client of clients.slice(0, writers)) client.provider.connect();
  const expectedTotal = writers * counter;
  await waitUntil(() => clients.every((c) => allKeys(c, writers).size === expectedTotal), {
    what: 'convergence after reconnect',
    timeoutMs: 15_000,
  });
});
