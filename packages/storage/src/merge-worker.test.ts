import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeLog } from './merge-log.js';
import { MergeWorker, WorkerMergeFailed } from './merge-worker.js';
import { packEntries } from './packed-entries.js';

/** `count` keystroke-sized updates of one client. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getMap('meta').set(`k${i % 40}`, i);
  return updates;
}

function contentOf(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getMap('meta').toJSON();
}

const quiet = (): void => {};
let worker = new MergeWorker(quiet);
afterEach(async () => {
  await worker.close();
  worker = new MergeWorker(quiet);
});

describe('MergeWorker', () => {
  it('merges a log to the same state as mergeLog', async () => {
    const updates = keystrokes(500);
    const merged = await worker.merge(updates);
    const inline = mergeLog(
      'plans/a',
      updates.map((data, i) => ({ id: i + 1, data })),
      () => {},
    ).update;
    expect(contentOf(merged)).toEqual(contentOf(inline));
    expect(Y.encodeStateVectorFromUpdate(merged)).toEqual(Y.encodeStateVectorFromUpdate(inline));
  });

  it('refuses a log with a corrupt entry and goes on merging the next one', async () => {
    const updates = keystrokes(20);
    updates[10] = updates[10]!.slice(0, -2);
    await expect(worker.merge(updates)).rejects.toBeInstanceOf(WorkerMergeFailed);
    expect(contentOf(await worker.merge(keystrokes(3)))).toEqual({ k0: 0, k1: 1, k2: 2 });
  });

  it('merges entries that are views into a larger buffer, packing only their own bytes', async () => {
    const updates = keystrokes(30);
    const pool = new Uint8Array(8192);
    let offset = 0;
    const views = updates.map((update) => {
      pool.set(update, offset);
      offset += update.byteLength;
      return pool.subarray(offset - update.byteLength, offset);
    });
    const ownBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    expect(packEntries(views).byteLength).toBe(4 + 4 * views.length + ownBytes);
    expect(contentOf(await worker.merge(views))).toEqual(contentOf(await worker.merge(updates)));
  });

  it('starts its thread on start, before any merge, and stops it on close', async () => {
    expect(worker.started).toBe(false);
    worker.start();
    expect(worker.started).toBe(true);
    expect(contentOf(await worker.merge(keystrokes(2)))).toEqual({ k0: 0, k1: 1 });
    await worker.close();
    expect(worker.started).toBe(false);
  });

  it('answers concurrent merges each with its own result', async () => {
    const logs = [keystrokes(5), keystrokes(50), keystrokes(1)];
    const results = await Promise.all(logs.map((log) => worker.merge(log)));
    expect(results.map((update) => Object.keys(contentOf(update) as object).length)).toEqual([
      5, 40, 1,
    ]);
  });

  it('fails merges still waiting when it is closed, and starts again on the next merge', async () => {
    const waiting = worker.merge(keystrokes(2000));
    await worker.close();
    await expect(waiting).rejects.toBeInstanceOf(WorkerMergeFailed);
    expect(contentOf(await worker.merge(keystrokes(1)))).toEqual({ k0: 0 });
  });
});
