import type { Worker } from 'node:worker_threads';
import { messageOf } from '../errors.js';
import type { StorageLogger } from '../logger.js';
import { startThread } from '../start-thread.js';
import type {
  CheckpointReport,
  WalCheckpointMessage,
  WalCheckpointStop,
  WalCheckpointThreadData,
} from './wal-checkpoint-thread.js';

export type { CheckpointReport } from './wal-checkpoint-thread.js';

/** How often the background thread checkpoints the WAL; about a second of writes collects there. */
const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;

/**
 * WAL frames (pages) after which a passive checkpoint is followed by a restarting one. A passive
 * checkpoint copies beside the writer, but the WAL file only starts over when a commit finds all
 * of it copied, which writes that never pause prevent: the file would grow without bound. The
 * restart copies only what was written during the passive checkpoint; for that long (and at most
 * {@link RESTART_WAIT_MS} waiting for the writer or a reader) commits wait.
 */
const DEFAULT_RESTART_AFTER_FRAMES = 10_000;

/** How long a restarting checkpoint may wait for a writer or a reader before giving up for now. */
const RESTART_WAIT_MS = 20;

export interface WalCheckpointerOptions {
  /** The database file (the main connection must already have it in WAL mode). */
  readonly path: string;
  readonly intervalMs?: number;
  readonly restartAfterFrames?: number;
  readonly busyTimeoutMs: number;
  readonly logger: StorageLogger;
  /** Called if the thread fails: the caller turns automatic checkpoints back on. */
  readonly onFailure: () => void;
  /** For tests and diagnostics. */
  readonly onCheckpoint?: (report: CheckpointReport) => void;
}

/**
 * Checkpoints a SQLite WAL on a thread of its own, so that the collab-server's event loop never
 * waits for one. With SQLite's automatic checkpoints the commit that fills the WAL to 1000 pages
 * copies them into the database and fsyncs it before it returns: a few milliseconds, every few
 * hundred keystrokes, during which no update is relayed. Here the main connection turns automatic
 * checkpoints off and a second connection copies pages in the background, which SQLite allows
 * beside a writer. Reads stay correct either way: a page is read from the WAL until it is copied.
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #stopping = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the thread; resolves once its connection is open. */
  static start(options: WalCheckpointerOptions): Promise<WalCheckpointer> {
    // Normal priority: a restarting checkpoint holds the write lock that commits wait for.
    const workerData: WalCheckpointThreadData = {
      path: options.path,
      intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
      restartAfterFrames: options.restartAfterFrames ?? DEFAULT_RESTART_AFTER_FRAMES,
      restartWaitMs: RESTART_WAIT_MS,
      busyTimeoutMs: options.busyTimeoutMs,
    };
    const worker = startThread(new URL('./wal-checkpoint-thread.js', import.meta.url), {
      workerData,
    });
    const checkpointer = new WalCheckpointer(worker);
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      const exited = (code: number): void =>
        reject(new Error(`WAL checkpoint thread exited with code ${code} before it started`));
      worker.once('error', failed);
      worker.once('exit', exited);
      worker.once('message', () => {
        worker.off('error', failed);
        worker.off('exit', exited);
        checkpointer.#watch(options);
        // After the listeners: adding a 'message' listener references the worker again. From
        // here on the thread must never keep a process alive that is otherwise done.
        worker.unref();
        resolve(checkpointer);
      });
    });
  }

  #watch(options: WalCheckpointerOptions): void {
    const fail = (reason: string): void => {
      if (this.#stopping) return;
      this.#stopping = true;
      options.logger(
        `storage: the WAL checkpoint thread stopped (${reason}); SQLite checkpoints automatically again`,
      );
      guarded(options.logger, options.onFailure);
    };
    this.#worker.on('message', (message: WalCheckpointMessage) => {
      if (message === 'ready') return;
      if ('error' in message) options.logger(`storage: WAL checkpoint failed: ${message.error}`);
      else if (options.onCheckpoint) guarded(options.logger, () => options.onCheckpoint?.(message));
    });
    this.#worker.on('error', (error) => fail(error.message));
    this.#worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  /** Stops the thread after its current checkpoint; the last connection to close checkpoints. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.postMessage('stop' satisfies WalCheckpointStop);
    await exited;
  }
}

/** Runs a callback from an event listener, where a throw would crash the process. */
function guarded(logger: StorageLogger, callback: () => void): void {
  try {
    callback();
  } catch (error) {
    logger(`storage: ${messageOf(error)}`);
  }
}
