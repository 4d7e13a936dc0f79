// The WAL checkpoint thread's module (started by `WalCheckpointer`): a second connection to the
// database that checkpoints its WAL every interval and reports what it did.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { messageOf } from '../errors.js';
import { takeThreadPriority, type ThreadData } from '../thread-priority.js';

/** What `WalCheckpointer` hands the thread. */
export interface WalCheckpointThreadData {
  readonly path: string;
  readonly intervalMs: number;
  readonly restartAfterFrames: number;
  readonly restartWaitMs: number;
  readonly busyTimeoutMs: number;
}

/** What the thread reports after each checkpoint. */
export interface CheckpointReport {
  /** `wal_checkpoint`'s result: frames in the WAL and frames copied into the database. */
  readonly walFrames: number;
  readonly checkpointedFrames: number;
  readonly mode: 'PASSIVE' | 'RESTART';
  /** 1 when it could not finish (another connection was in the way); it is tried again later. */
  readonly busy: number;
}

/** The thread's messages: `ready` once its connection is open, then reports or failures. */
export type WalCheckpointMessage = 'ready' | CheckpointReport | { readonly error: string };

/**
 * The one message the thread takes: stop after the current checkpoint and close. (A type: the
 * other side imports nothing but types from a thread's module, which only runs as a thread.)
 */
export type WalCheckpointStop = 'stop';

const data = workerData as WalCheckpointThreadData & ThreadData;
takeThreadPriority(data);
const port = parentPort;
if (!port) throw new Error('wal-checkpoint-thread.js runs as a worker thread only');
const post = (message: WalCheckpointMessage): void => port.postMessage(message);

const db = new BetterSqlite3(data.path);
db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
db.pragma('wal_autocheckpoint = 0');
post('ready');

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

function run(mode: CheckpointReport['mode']): CheckpointReport {
  const [row] = db.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[];
  if (!row) throw new Error('wal_checkpoint returned no row');
  return { walFrames: row.log, checkpointedFrames: row.checkpointed, mode, busy: row.busy };
}

function checkpoint(): void {
  try {
    let report = run('PASSIVE');
    if (report.walFrames >= data.restartAfterFrames) {
      db.pragma(`busy_timeout = ${data.restartWaitMs}`);
      try {
        report = run('RESTART');
      } finally {
        db.pragma(`busy_timeout = ${data.busyTimeoutMs}`);
      }
    }
    if (report.walFrames > 0) post(report);
  } catch (error) {
    post({ error: messageOf(error) });
  }
}

const timer = setInterval(checkpoint, data.intervalMs);
port.on('message', (message: unknown) => {
  if (message !== ('stop' satisfies WalCheckpointStop)) return;
  clearInterval(timer);
  db.close();
  port.close();
});
