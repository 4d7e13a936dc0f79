/**
 * `suggestThemes` on a worker thread of its own: the same pure computation, but the caller's
 * event loop (the app's, serving every other request) stays free while it runs. One thread per
 * call: starting one costs a few milliseconds beside seconds of analysis, and a finished thread
 * holds no memory.
 */
import { Worker } from 'node:worker_threads';
import { ThemeSuggestionInputError } from '../errors.js';
import type { SuggestionInput, SuggestionOptions, ThemeSuggestions } from '../types.js';
import type { ThreadReply, ThreadRequest } from './messages.js';

/** This module was loaded from its TypeScript source (vitest), not from the build. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * Runs `suggestThemes(input, options)` on a worker thread; resolves with its result, rejects with
 * `ThemeSuggestionInputError` for bad input, or with an error naming the thread for a crash.
 * `signal` ends the thread early (e.g. at shutdown) and rejects with the signal's reason.
 */
export function suggestThemesInThread(
  input: SuggestionInput,
  options: Partial<SuggestionOptions> = {},
  signal?: AbortSignal,
): Promise<ThemeSuggestions> {
  const request: ThreadRequest = { input, options };
  const worker = startWorker(request);
  return new Promise<ThemeSuggestions>((resolve, reject) => {
    const onAbort = () => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('suggestThemesInThread: aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    worker.once('message', (reply: ThreadReply) => {
      done();
      void worker.terminate();
      if (reply.ok) resolve(reply.suggestions);
      else if ('inputError' in reply) {
        reject(new ThemeSuggestionInputError(reply.inputError.path, reply.inputError.problem));
      } else reject(new Error(`suggestThemesInThread: the thread failed: ${reply.failure}`));
    });
    worker.once('error', (error) => {
      done();
      reject(new Error(`suggestThemesInThread: the thread crashed: ${error.message}`));
    });
    worker.once('exit', (code) => {
      done();
      // After a reply this settles nothing (a promise settles once).
      reject(new Error(`suggestThemesInThread: the thread exited with ${code} without a reply`));
    });
  });
}

function startWorker(request: ThreadRequest): Worker {
  const execArgv: string[] = [];
  if (!FROM_SOURCES) {
    return new Worker(new URL('./suggest-thread.js', import.meta.url), {
      workerData: { request },
      execArgv,
    });
  }
  // Node 20 cannot load the `.ts` source itself: jiti compiles it inside the thread.
  return new Worker(new URL('./typescript-thread.mjs', import.meta.url), {
    workerData: {
      request,
      typescriptThreadSource: new URL('./suggest-thread.ts', import.meta.url).href,
    },
    execArgv,
  });
}
