import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const requireHere = createRequire(import.meta.url);

/**
 * How many steps of `nice` below the event loop the workers run. Their work (merging a compaction,
 * copying the WAL) can wait a little; the loop relaying keystrokes cannot, and on a small machine
 * they share its cores. 10 still leaves them about a tenth of a contended core, so they progress
 * under full load.
 */
export const BACKGROUND_NICENESS = 10;

/**
 * On Linux a thread's nice value is its own, and `setPriority` without a pid sets the calling
 * thread's; elsewhere it would lower the whole process, so the workers keep the default there.
 * Failing to lower it is harmless.
 */
const LOWER_OWN_PRIORITY =
  process.platform === 'linux'
    ? `try { const os = require('node:os'); os.setPriority(Math.min(19, os.getPriority() + ${BACKGROUND_NICENESS})); } catch {}\n`
    : '';

/**
 * Starts a worker thread for background work from source text (`eval`) rather than from a file, so
 * that it runs the same from the TypeScript sources (tests) and from `dist/`. The packages it needs
 * are resolved here, from this package, and passed in `workerData.modules` by name. The thread runs
 * at a lower CPU priority than the event loop (`BACKGROUND_NICENESS`, Linux only).
 */
export function startEvalWorker(
  source: string,
  modules: readonly string[],
  workerData: Record<string, unknown>,
): Worker {
  const paths = Object.fromEntries(modules.map((name) => [name, requireHere.resolve(name)]));
  // No inherited flags: `--input-type=module`, say, would make the CommonJS source a module.
  return new Worker(LOWER_OWN_PRIORITY + source, {
    eval: true,
    execArgv: [],
    workerData: { ...workerData, modules: paths },
  });
}
