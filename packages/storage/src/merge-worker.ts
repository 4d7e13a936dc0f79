import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code: apply every entry to one document in one transaction and encode it, as
 * `mergeLog` does on its fast path. It is passed as a string (`eval`) so that it runs the same from
 * the TypeScript sources (tests) and from `dist/`; yjs is resolved by the caller.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjsPath);
parentPort.on('message', ({ id, entries }) => {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const entry of entries) Y.applyUpdate(doc, entry);
    });
    const update = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, update }, [update.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    doc.destroy();
  }
});
`;

interface Reply {
  id: number;
  update?: Uint8Array;
  error?: string;
}

/** An entry could not be merged in the worker (corrupt), or the worker is gone. */
export class WorkerMergeFailed extends Error {
  override readonly name = 'WorkerMergeFailed';
}

/**
 * Merges compaction logs on a thread of its own. A compaction runs beside live editing, and
 * merging 500 keystrokes of a document held the collab-server's event loop for 5–45 ms, during
 * which no update was relayed. The thread starts at the first merge and is unreferenced, so it
 * never keeps a process alive; `close` stops it.
 */
export class MergeWorker {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #waiting = new Map<number, (reply: Reply) => void>();

  /** The merged update of the entries, in order; rejects with `WorkerMergeFailed`. */
  merge(entries: readonly Uint8Array[]): Promise<Uint8Array> {
    const worker = this.#started();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (reply) => {
        if (reply.update) resolve(reply.update);
        else reject(new WorkerMergeFailed(reply.error ?? 'no result'));
      });
      worker.postMessage({ id, entries: entries.map(ownBuffer) });
    });
  }

  /** Stops the thread; merges still waiting fail (their callers fall back to merging inline). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { yjsPath: createRequire(import.meta.url).resolve('yjs') },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      this.#waiting.get(reply.id)?.(reply);
      this.#waiting.delete(reply.id);
    });
    const failAll = (reason: string): void => {
      if (this.#worker === worker) this.#worker = null;
      for (const settle of this.#waiting.values()) settle({ id: 0, error: reason });
      this.#waiting.clear();
    };
    worker.on('error', (error) => failAll(error.message));
    worker.on('exit', (code) => failAll(`merge worker exited with code ${code}`));
    this.#worker = worker;
    return worker;
  }
}

/**
 * Posting a view clones its whole underlying buffer, and drivers hand out views into shared pools
 * (a pg `bytea` of a few bytes can sit in an 8 KB pool): such entries are copied to their own.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : new Uint8Array(bytes);
}
