import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StorageLogger } from '../logger.js';

/** How often the background thread checkpoints the WAL; about a second of writes collects there. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;

/**
 * WAL frames (pages) after which a checkpoint also waits for the writer and starts the WAL over.
 * A passive checkpoint never blocks, but under writes that never pause it never catches up either,
 * and the WAL would grow without bound.
 */
export const DEFAULT_RESTART_AFTER_FRAMES = 10_000;

/** SQLite's own default, restored on the main connection if the thread is gone. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;

/** What the thread reports after each checkpoint. */
export interface CheckpointReport {
  /** `wal_checkpoint`'s result: frames in the WAL and frames copied into the database. */
  readonly walFrames: number;
  readonly checkpointedFrames: number;
  readonly mode: 'PASSIVE' | 'RESTART';
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

/**
 * The worker's code. It is passed as a string (`eval`) rather than a file so that it runs the same
 * from the TypeScript sources (tests) and from `dist/`; better-sqlite3 is resolved by the caller.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('wal_autocheckpoint = 0');
parentPort.postMessage('ready');
const checkpoint = () => {
  let [row] = db.pragma('wal_checkpoint(PASSIVE)');
  let mode = 'PASSIVE';
  if (row.log >= workerData.restartAfterFrames) {
    [row] = db.pragma('wal_checkpoint(RESTART)');
    mode = 'RESTART';
  }
  if (row.log > 0) parentPort.postMessage({ walFrames: row.log, checkpointedFrames: row.checkpointed, mode });
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
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        path: options.path,
        driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
        intervalMs: options.intervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
        restartAfterFrames: options.restartAfterFrames ?? DEFAULT_RESTART_AFTER_FRAMES,
        busyTimeoutMs: options.busyTimeoutMs,
      },
    });
    // A checkpoint thread must never keep a process alive that is otherwise done.
    worker.unref();
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
        resolve(checkpointer);
      });
    });
  }

  #watch(options: WalCheckpointerOptions): void {
    this.#worker.on('message', (report: CheckpointReport) => options.onCheckpoint?.(report));
    const fail = (reason: string): void => {
      if (this.#stopping) return;
      this.#stopping = true;
      options.logger(
        `storage: the WAL checkpoint thread stopped (${reason}); SQLite checkpoints automatically again`,
      );
      options.onFailure();
    };
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

/** The `wal_autocheckpoint` pragmas the main connection switches between. */
export const AUTOMATIC_CHECKPOINTS_OFF = 'wal_autocheckpoint = 0';
export const AUTOMATIC_CHECKPOINTS_ON = `wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`;
