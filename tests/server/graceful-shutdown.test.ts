import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
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
