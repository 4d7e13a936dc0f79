import { getPriority, setPriority } from 'node:os';

/**
 * How many steps of `nice` below the event loop a low-priority thread runs. Its work can wait a
 * little; the loop relaying keystrokes cannot, and on a small machine they share its cores. 10
 * still leaves it about a tenth of a contended core, so it progresses under full load.
 */
export const BACKGROUND_NICENESS = 10;

/** What `startThread` hands every thread in `workerData`, beside the thread's own data. */
export interface ThreadData {
  /** Steps of `nice` the thread takes below the loop's priority; 0 keeps it. */
  readonly niceness: number;
}

/**
 * Called first by a thread's module. On Linux a thread's nice value is its own, and `setPriority`
 * without a pid sets the calling thread's; elsewhere it would lower the whole process, so threads
 * keep the default there. Failing to lower it is harmless.
 */
export function takeThreadPriority({ niceness }: ThreadData): void {
  if (niceness <= 0 || process.platform !== 'linux') return;
  try {
    setPriority(Math.min(19, getPriority() + niceness));
  } catch {
    // Not permitted here: the thread runs at the loop's priority.
  }
}
