/**
 * The worker thread behind `suggestThemesInThread`: runs `suggestThemes` on the one request it
 * is started with and posts the result (or the input error) back. A module of its own so the
 * caller's event loop stays free for other requests while 10,000 texts are analysed (~4 s).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ThemeSuggestionInputError } from '../errors.js';
import { suggestThemes } from '../suggest.js';
import type { ThreadReply, ThreadRequest } from './messages.js';

if (!parentPort) throw new Error('suggest-thread.js runs as a worker thread only');

const request = (workerData as { request: ThreadRequest }).request;
let reply: ThreadReply;
try {
  reply = { ok: true, suggestions: suggestThemes(request.input, request.options) };
} catch (error) {
  reply =
    error instanceof ThemeSuggestionInputError
      ? { ok: false, inputError: { path: error.path, problem: error.problem } }
      : { ok: false, failure: error instanceof Error ? error.message : String(error) };
}
parentPort.postMessage(reply);
