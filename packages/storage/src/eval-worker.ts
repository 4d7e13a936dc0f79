import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const requireHere = createRequire(import.meta.url);

/**
 * How many steps of `nice` below the event loop a `lowPriority` worker runs. Its work can wait a
 * little; the loop relaying keystrokes cannot, and on a small machine they share its cores. 10
 * still leaves it about a tenth of a contended core, so it progresses under full load.
 */
export const BACKGROUND_NICENESS = 10;

/**
 * On Linux a thread's nice value is its own, and `setPriority` without a pid sets the calling
 * thread's; elsewhere it would lower the whole process, so workers keep the default there. Failing
 * to lower it is harmless.
 */
const LOWER_OWN_PRIORITY =
  process.platform === 'linux'
    ? `try { const os = require('node:os'); os.setPriority(Math.min(19, os.getPriority() + ${BACKGROUND_NICENESS})); } catch {}\n`
    : '';

/** How a worker thread is started. */
export interface EvalWorkerOptions {
  /** Packages the source needs, resolved here and passed in `workerData.modules` by name. */
  readonly modules: readonly string[];
  readonly workerData?: Record<string, unknown>;
  /**
   * Run below the event loop's CPU priority (`BACKGROUND_NICENESS`, Linux only). Only for a thread
   * that holds no lock the loop may wait for, and whose source does synchronous work only: a thread
   * created by this one (libuv's pool, started by the first asynchronous file or DNS call of the
   * process) would inherit its priority.
   */
  readonly lowPriority?: boolean;
}

/**
 * Starts a worker thread from source text (`eval`) rather than from a file, so that it runs the
 * same from the TypeScript sources (tests) and from `dist/`.
 */
export function startEvalWorker(source: string, options: EvalWorkerOptions): Worker {
  const paths = Object.fromEntries(
    options.modules.map((name) => [name, requireHere.resolve(name)]),
  );
  // No inherited flags: `--input-type=module`, say, would make the CommonJS source a module.
  return new Worker((options.lowPriority ? LOWER_OWN_PRIORITY : '') + source, {
    eval: true,
    execArgv: [],
    workerData: { ...options.workerData, modules: paths },
  });
}
