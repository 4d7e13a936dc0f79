/**
 * A version is taken from the collab-server's authoritative state (internal snapshot API): it
 * contains every edit the server received before the call — also one still on its way to slow
 * storage — and, while clients stream edits, everything any client had seen before the call.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addStakeholder,
  initPlan,
  listStakeholders,
  toCanonicalJSON,
} from '@prozesswerkstatt/plan-model';
import {
  createLogger,
  startCollabServer,
  type RunningCollabServer,
} from '@prozesswerkstatt/collab-server';
import { openStorage, type DocumentStorage } from '@prozesswerkstatt/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient } from '../helpers/client.js';
import { snapshot } from '../helpers/internal-api.js';
import { testSecret } from '../helpers/tokens.js';
import { delay, waitUntil } from '../helpers/wait.js';

let dataDir: string;
let storage: DocumentStorage;
let server: RunningCollabServer;
/** Extra time every append takes, so "received" and "stored" are far apart. */
let appendDelayMs = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-versions-'));
  storage = await openStorage({ dataDir });
  const append = storage.appendUpdates.bind(storage);
  storage.appendUpdates = async (name, updates) => {
    if (appendDelayMs > 0) await delay(appendDelayMs);
    return append(name, updates);
  };
  server = await startCollabServer({
    storage,
    authSecret: testSecret,
    logger: createLogger('silent'),
    host: '127.0.0.1',
    port: 0,
  });
});
afterAll(async () => {
  await server.close();
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** True when `state` contains everything `vector` describes. */
function covers(state: Uint8Array, vector: Map<number, number>): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  return [...vector].every(([client, clock]) => (have.get(client) ?? 0) >= clock);
}

describe('version snapshot', () => {
  it('contains an edit the server received a moment before, even before storage has it', async () => {
    const name = 'plans/snapshot-moment';
    const editor = await connectClient(server.url, name, { sub: 'editor' });
    initPlan(editor.doc, { title: 'Moment' });
    await waitUntil(async () => (await storage.loadDocument(name)) !== null);

    appendDelayMs = 300;
    try {
      const received = server.metrics.traffic.messagesIn;
      addStakeholder(editor.doc, { name: 'Gerade eben' });
      await waitUntil(() => server.metrics.traffic.messagesIn > received, { intervalMs: 1 });
      // Received, not yet stored (every append now takes 300 ms).
      expect(Y.encodeStateVector(server.hub.room(name)!.doc)).not.toEqual(
        Y.encodeStateVector(editor.doc),
      );
      const state = await snapshot(server.url, name);
      expect(listStakeholders(docOf(state)).map((s) => s.name)).toEqual(['Gerade eben']);
      // The snapshot is the server's state at that moment: stored, and what the room holds.
      expect(toCanonicalJSON(docOf((await storage.loadDocument(name))!))).toBe(
        toCanonicalJSON(docOf(state)),
      );
      expect(toCanonicalJSON(server.hub.room(name)!.doc)).toBe(toCanonicalJSON(docOf(state)));
      expect(toCanonicalJSON(docOf(state))).toBe(toCanonicalJSON(editor.doc));
    } finally {
      appendDelayMs = 0;
      editor.destroy();
    }
  });

  it('while clients stream edits, contains all any client saw before the call', async () => {
    const name = 'plans/snapshot-stream';
    const writers = await Promise.all(
      [0, 1, 2].map((i) => connectClient(server.url, name, { sub: `writer-${i}` })),
    );
    initPlan(writers[0]!.doc, { title: 'Stream' });
    const observer = await connectClient(server.url, name, { sub: 'observer', role: 'viewer' });
    let streaming = true;
    const streams = writers.map(async (writer, i) => {
      for (let n = 0; streaming; n++) {
        addStakeholder(writer.doc, { name: `W${i}-${n}` });
        await delay(3);
      }
    });
    const snapshots: { state: Uint8Array; seenBefore: Map<number, number> }[] = [];
    for (let k = 0; k < 8; k++) {
      await delay(40 + Math.random() * 60);
      const seenBefore = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
      snapshots.push({ state: await snapshot(server.url, name), seenBefore });
    }
    streaming = false;
    await Promise.all(streams);
    const final = writers.map((w) => w.doc);
    await waitUntil(() =>
      final.every((d) => listStakeholders(d).length === listStakeholders(observer.doc).length),
    );
    const finalVector = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
    for (const { state, seenBefore } of snapshots) {
      expect(covers(state, seenBefore)).toBe(true);
      // Never more than what the server ever held: every client in it is also in the final state.
      const inSnapshot = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
      for (const [client, clock] of inSnapshot) {
        expect(finalVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
      }
      expect(listStakeholders(docOf(state)).length).toBeGreaterThan(0);
    }
    // Snapshots taken one after another only grow.
    for (let k = 1; k < snapshots.length; k++) {
      const previous = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(snapshots[k - 1]!.state));
      expect(covers(snapshots[k]!.state, previous)).toBe(true);
    }
    for (const client of [...writers, observer]) client.destroy();
  });
});
