import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '@prozesswerkstatt/storage';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { freePort, spawnServer, type ServerProcess } from '../helpers/server-process.js';
import { waitUntil } from '../helpers/wait.js';

let server: ServerProcess | undefined;
const clients: TestClient[] = [];
let dataDir = '';
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('SIGTERM stores what was received, closes clients with 1001 and exits 0', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-sigterm-'));
  const port = await freePort();
  server = await spawnServer({ dataDir, port });
  const writer = await connectClient(server.url, 'plans/term', { sub: 'w' });
  clients.push(writer);
  const closes: number[] = [];
  writer.provider.on('connection-close', (event) => event && closes.push(event.code));
  const map = writer.doc.getMap('m');
  for (let i = 0; i < 150; i++) map.set(`k${i}`, i);
  writer.provider.shouldConnect = false;

  expect(await server.stop('SIGTERM')).toBe(0);
  await waitUntil(() => closes.length > 0);
  expect(closes[0]).toBe(1001);

  server = await spawnServer({ dataDir, port });
  const fresh = await connectClient(server.url, 'plans/term', { sub: 'f', role: 'viewer' });
  clients.push(fresh);
  expect(fresh.doc.getMap('m').size).toBe(150);
});

/** Types 150 edits into a fresh server's document, then sends SIGTERM and waits for the exit. */
async function editThenStop(env: Record<string, string> = {}): Promise<string> {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-sigterm-'));
  server = await spawnServer({ dataDir, port: await freePort(), env });
  const docName = 'plans/compact-on-term';
  const writer = await connectClient(server.url, docName, { sub: 'w' });
  clients.push(writer);
  const map = writer.doc.getMap('m');
  for (let i = 0; i < 150; i++) map.set(`k${i}`, i);
  // All of it is stored (well below the 500 appends that compact a log while it is loaded).
  await waitUntil(async () => {
    const storage = await openStorage({ dataDir, logger: () => {} });
    try {
      return (await storage.loadDocument(docName)) !== null;
    } finally {
      await storage.close();
    }
  });
  writer.provider.shouldConnect = false;
  expect(await server.stop('SIGTERM')).toBe(0);
  return docName;
}

it('SIGTERM compacts the logs of the loaded documents before exiting', async () => {
  const docName = await editThenStop();

  const storage = await openStorage({ dataDir, logger: () => {} });
  try {
    expect(await storage.countUpdates(docName)).toBe(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storage.loadDocument(docName)) ?? new Uint8Array());
    expect(doc.getMap('m').size).toBe(150);
  } finally {
    await storage.close();
  }
});

it('SIGTERM compacts no longer than COLLAB_SHUTDOWN_COMPACT_MS and says what it left', async () => {
  const docName = await editThenStop({ COLLAB_SHUTDOWN_COMPACT_MS: '0' });

  expect(server?.output()).toMatch(/logs of these documents left uncompacted/);
  const storage = await openStorage({ dataDir, logger: () => {} });
  try {
    expect(await storage.countUpdates(docName)).toBeGreaterThan(1);
  } finally {
    await storage.close();
  }
});
