import { afterEach, expect, it } from 'vitest';
import { connectClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer | undefined;
afterEach(() => server?.dispose());

it('a new client gets the full state after a restart', async () => {
  server = await startTestServer();
  const docName = 'plans/restart';
  const writer = await connectClient(server.url, docName);
  const text = writer.doc.getText('notes');
  for (let i = 0; i < 200; i++) text.insert(text.length, `${i} `);
  writer.doc.getMap('plan').set('title', 'Quartiersrat');
  const expected = text.toString();
  // Wait until the server has everything, then stop it gracefully (SIGTERM path).
  const reader = await connectClient(server.url, docName, { role: 'viewer', sub: 'r' });
  await waitUntil(() => reader.doc.getText('notes').toString() === expected);
  writer.destroy();
  reader.destroy();

  server = await server.restart();
  const fresh = await connectClient(server.url, docName, { role: 'viewer', sub: 'fresh' });
  expect(fresh.doc.getText('notes').toString()).toBe(expected);
  expect(fresh.doc.getMap('plan').get('title')).toBe('Quartiersrat');
  fresh.destroy();
});

it('unloads an idle document and loads it again on the next join', async () => {
  server = await startTestServer({ limits: { idleUnloadMs: 50, compactAfterUpdates: 10 } });
  const docName = 'plans/idle';
  const writer = await connectClient(server.url, docName);
  for (let i = 0; i < 50; i++) writer.doc.getMap('m').set(`k${i}`, i);
  await waitUntil(async () => (await server!.storage.countUpdates(docName)) > 0);
  await server.server.hub.room(docName)?.flushed();
  writer.destroy();
  await waitUntil(() => server!.server.hub.room(docName) === undefined, { what: 'unload' });
  // Unloading compacted the log into one entry.
  await waitUntil(async () => (await server!.storage.countUpdates(docName)) === 1);
  const again = await connectClient(server.url, docName, { role: 'viewer', sub: 'again' });
  expect(again.doc.getMap('m').size).toBe(50);
  again.destroy();
});
