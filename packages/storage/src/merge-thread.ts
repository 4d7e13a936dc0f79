// The merge thread's module (started by `MergeWorker`): merges a compaction's log the way the
// inline merge does, with the same `applyInCausalOrder`, and answers with the encoded update.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { applyInCausalOrder } from './apply-in-causal-order.js';
import { messageOf } from './errors.js';
import { unpackEntries } from './packed-entries.js';
import { takeThreadPriority, type ThreadData } from './thread-priority.js';

/** One log to merge, its entries packed by `packEntries`. */
export interface MergeRequest {
  readonly id: number;
  readonly packed: ArrayBuffer;
}

/** The merged update of the request with this id, or why there is none. */
export interface MergeReply {
  readonly id: number;
  readonly update?: Uint8Array;
  readonly error?: string;
}

takeThreadPriority(workerData as ThreadData);

const port = parentPort;
if (!port) throw new Error('merge-thread.js runs as a worker thread only');

port.on('message', ({ id, packed }: MergeRequest) => {
  const doc = new Y.Doc();
  try {
    applyInCausalOrder(Y, doc, unpackEntries(packed));
    const update = Y.encodeStateAsUpdate(doc);
    // Yjs's encoder hands back a fresh ArrayBuffer, never a shared one: moved, not copied.
    port.postMessage({ id, update } satisfies MergeReply, [update.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ id, error: messageOf(error) } satisfies MergeReply);
  } finally {
    doc.destroy();
  }
});
