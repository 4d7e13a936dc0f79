import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICENESS, type ThreadData } from './thread-priority.js';

/** How a thread is started. */
export interface ThreadOptions {
  /** The thread's own `workerData` (structured-cloned). */
  readonly workerData?: object;
  /**
   * Run below the event loop's CPU priority (`BACKGROUND_NICENESS`, Linux only; the thread's module
   * calls `takeThreadPriority` first). Only for a thread that holds no lock the loop may wait for,
   * and that does synchronous work only: a thread created by this one (libuv's pool, started by
   * the first asynchronous file or DNS call of the process) would inherit its priority.
   */
  readonly lowPriority?: boolean;
}

/** The TypeScript module this file was loaded from, not its build: a test runs the sources. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** Where `typescript-thread.mjs` finds the thread's source. */
export const THREAD_SOURCE_KEY = 'typescriptThreadSource';

/**
 * Starts a worker thread on one of this package's modules, given as the URL of its build beside
 * the caller: `startThread(new URL('./merge-thread.js', import.meta.url))`. Run from the sources
 * (vitest), that `.js` does not exist and Node 20 cannot load the `.ts` beside it, so the thread
 * starts on `typescript-thread.mjs`, which compiles the module as it loads it.
 */
export function startThread(module: URL, options: ThreadOptions = {}): Worker {
  const data: ThreadData = {
    ...options.workerData,
    niceness: options.lowPriority ? BACKGROUND_NICENESS : 0,
  };
  // None of the process's flags: some do not apply to a thread's module (`node --input-type=module
  // -e …` would refuse to start it).
  const execArgv: string[] = [];
  if (!FROM_SOURCES) return new Worker(module, { workerData: data, execArgv });
  const source = module.href.replace(/\.js$/, '.ts');
  return new Worker(new URL('./typescript-thread.mjs', import.meta.url), {
    workerData: { ...data, [THREAD_SOURCE_KEY]: source },
    execArgv,
  });
}
