import type { Worker } from 'node:worker_threads';
import { messageOf } from '../errors.js';
import { startEvalWorker } from '../eval-worker.js';
import type { StorageLogger } from '../logger.js';

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

/** What the thread reports after each checkpoint. */
export interface CheckpointReport {
  /** `wal_checkpoint`'s result: frames in the WAL and frames copied into the database. */
  readonly walFrames: number;
  readonly checkpointedFrames: number;
  readonly mode: 'PASSIVE' | 'RESTART';
  /** 1 when it could not finish (another connection was in the way); it is tried again later. */
  readonly busy: number;
}

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

/** The worker's code (see `startEvalWorker`). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modules['better-sqlite3']);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('wal_autocheckpoint = 0');
parentPort.postMessage('ready');
const run = (mode) => {
  const [row] = db.pragma('wal_checkpoint(' + mode + ')');
  return { walFrames: row.log, checkpointedFrames: row.checkpointed, mode, busy: row.busy };
};
const checkpoint = () => {
  try {
    let report = run('PASSIVE');
    if (report.walFrames >= workerData.restartAfterFrames) {
      db.pragma('busy_timeout = ' + workerData.restartWaitMs);
      try {
        report = run('RESTART');
      } finally {
        db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
      }
    }
    if (report.walFrames > 0) parentPort.postMessage(report);
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

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
    const worker = startEvalWorker(WORKER_SOURCE, {
      modules: ['better-sqlite3'],
      workerData: {
        path: options.path,
        intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
        restartAfterFrames: options.restartAfterFrames ?? DEFAULT_RESTART_AFTER_FRAMES,
        restartWaitMs: RESTART_WAIT_MS,
        busyTimeoutMs: options.busyTimeoutMs,
      },
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
    this.#worker.on('message', (message: CheckpointReport | { error: string }) => {
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
    this.#worker.postMessage('stop');
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
