import {
  createLogger,
  startCollabServer,
  type RunningCollabServer,
} from '@prozesswerkstatt/collab-server';
import { MemoryDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient } from '../helpers/client.js';
import { testSecret } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

/** Memory storage whose appends fail while `failing` is set, like a full disk or a lost database. */
class FlakyStorage extends MemoryDocumentStorage {
  failing = false;
  override async appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (this.failing) throw new Error('disk full');
    return super.appendUpdates(name, updates);
  }
}

let server: RunningCollabServer | undefined;
afterEach(() => server?.close());

async function storedMap(storage: FlakyStorage, name: string): Promise<Record<string, unknown>> {
  const doc = new Y.Doc();
  const state = await storage.loadDocument(name);
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('m').toJSON();
}

it('a failed write leaves the document as stored, tells the writer, and the edit arrives later', async () => {
  const storage = new FlakyStorage({ logger: () => undefined });
  server = await startCollabServer({
    storage,
    authSecret: testSecret,
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
  });
  const docName = 'plans/flaky';
  const writer = await connectClient(server.url, docName, { sub: 'writer' });
  const watcher = await connectClient(server.url, docName, { sub: 'watcher' });
  writer.doc.getMap('m').set('before', 1);
  await waitUntil(() => watcher.doc.getMap('m').get('before') === 1);

  storage.failing = true;
  const closes: { code: number; reason: string }[] = [];
  writer.provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  writer.doc.getMap('m').set('during', 2);
  await waitUntil(() => closes.length > 0, { what: 'writer told' });
  expect(closes[0]).toEqual({
    code: 1011,
    reason: 'storage failure: changes not saved, reconnect to resend',
  });
  // Neither relayed nor in memory: the room still equals storage.
  expect(watcher.doc.getMap('m').get('during')).toBeUndefined();
  expect(server.hub.room(docName)?.doc.getMap('m').toJSON()).toEqual({ before: 1 });
  expect(await storedMap(storage, docName)).toEqual({ before: 1 });

  storage.failing = false;
  await waitUntil(() => watcher.doc.getMap('m').get('during') === 2, {
    what: 'edit resent after reconnect',
  });
  expect(await storedMap(storage, docName)).toEqual({ before: 1, during: 2 });
  const errors = await server.metrics.registry.getSingleMetricAsString('collab_errors_total');
  expect(errors).toMatch(/kind="persist_failed"\} [1-9]/);
  writer.destroy();
  watcher.destroy();
});
