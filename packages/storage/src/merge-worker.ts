import type { Worker } from 'node:worker_threads';
import { messageOf } from './errors.js';
import type { StorageLogger } from './logger.js';
import type { MergeReply, MergeRequest } from './merge-thread.js';
import { packEntries } from './packed-entries.js';
import { startThread } from './start-thread.js';

/** A merge that takes longer is given up (the thread is restarted) and done inline. */
const MERGE_TIMEOUT_MS = 60_000;

/** After this many threads died, merges stay inline for the life of the storage. */
const MAX_THREAD_FAILURES = 3;

/** One started thread and the merges waiting for it. */
interface Thread {
  readonly worker: Worker;
  readonly waiting: Map<number, (reply: MergeReply) => void>;
}

/** An entry could not be merged in the worker (corrupt), or the worker is gone. */
export class WorkerMergeFailed extends Error {
  override readonly name = 'WorkerMergeFailed';
}

/**
 * Merges compaction logs on a thread of its own (`merge-thread.ts`), the same way `mergeLog` does on its fast path
 * (apply every entry in one transaction, encode once). A compaction runs beside live editing, and
 * merging 500 keystrokes of a document held the collab-server's event loop for 5–45 ms, during
 * which no update was relayed. The thread runs below the loop's CPU priority (it holds no lock and
 * does synchronous work only). It starts on `start` (the adapters call it when they open) or at the
 * first merge, and keeps a process alive only while a merge is waiting; `close` stops it. Callers
 * merge inline when a merge here fails.
 */
export class MergeWorker {
  #thread: Thread | null = null;
  #nextId = 1;
  #failures = 0;

  constructor(private readonly logger: StorageLogger) {}

  /**
   * Starts the thread now rather than at the first merge. Booting it (a V8 isolate, then Yjs) takes
   * tens of milliseconds of CPU; at the first compaction that came on top of live editing and held
   * back the relay of the next few updates (up to 25 ms at 500 clients on two cores).
   */
  start(): void {
    this.#ensureThread();
  }

  /** Whether a thread has been started and not stopped since (diagnostics, tests). */
  get started(): boolean {
    return this.#thread !== null;
  }

  /** The merged update of the entries, in order; rejects with `WorkerMergeFailed`. */
  merge(entries: readonly Uint8Array[]): Promise<Uint8Array> {
    const thread = this.#ensureThread();
    if (!thread) return Promise.reject(new WorkerMergeFailed('no merge thread'));
    let packed: ArrayBuffer;
    try {
      packed = packEntries(entries);
    } catch (error) {
      return Promise.reject(new WorkerMergeFailed(`cannot hand over the log: ${messageOf(error)}`));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#stop(thread, `a merge took longer than ${MERGE_TIMEOUT_MS} ms`);
      }, MERGE_TIMEOUT_MS);
      timer.unref();
      if (thread.waiting.size === 0) thread.worker.ref();
      thread.waiting.set(id, (reply) => {
        clearTimeout(timer);
        thread.waiting.delete(id);
        if (thread.waiting.size === 0) thread.worker.unref();
        if (reply.update) resolve(reply.update);
        else reject(new WorkerMergeFailed(reply.error ?? 'no result'));
      });
      thread.worker.postMessage({ id, packed } satisfies MergeRequest, [packed]);
    });
  }

  /** Stops the thread; merges still waiting fail (their callers fall back to merging inline). */
  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = null;
    if (thread) await thread.worker.terminate();
  }

  /**
   * The thread, started if needed; null once threads failed too often, or (counted and logged) if
   * it cannot start.
   */
  #ensureThread(): Thread | null {
    if (this.#thread) return this.#thread;
    if (this.#failures >= MAX_THREAD_FAILURES) return null;
    try {
      return this.#startThread();
    } catch (error) {
      this.#failures += 1;
      this.logger(`storage: the merge thread did not start (${messageOf(error)}); merging inline`);
      return null;
    }
  }

  #startThread(): Thread {
    const worker = startThread(new URL('./merge-thread.js', import.meta.url), {
      lowPriority: true,
    });
    const thread: Thread = { worker, waiting: new Map() };
    worker.on('message', (reply: MergeReply) => thread.waiting.get(reply.id)?.(reply));
    worker.on('error', (error) => this.#stop(thread, error.message));
    worker.on('exit', (code) => {
      const reason = `merge thread exited with code ${code}`;
      // Unexpected unless `close` or `#stop` let go of the thread first.
      if (this.#thread === thread) this.#stop(thread, reason);
      else this.#failAll(thread, reason);
    });
    // After the listeners, which reference the worker again; `merge` refs it while one waits.
    worker.unref();
    this.#thread = thread;
    return thread;
  }

  /** A thread that failed or hung: counted, logged, terminated; the next merge starts a new one. */
  #stop(thread: Thread, reason: string): void {
    if (this.#thread !== thread) return;
    this.#thread = null;
    this.#failures += 1;
    const then =
      this.#failures >= MAX_THREAD_FAILURES
        ? 'compactions merge inline from now on'
        : 'the next compaction starts a new one';
    this.logger(`storage: the merge thread stopped (${reason}); ${then}`);
    this.#failAll(thread, reason);
    void thread.worker.terminate();
  }

  #failAll(thread: Thread, reason: string): void {
    for (const settle of [...thread.waiting.values()]) settle({ id: 0, error: reason });
  }
}
