// The app's production entry point: adapter-node's request handler in our own HTTP server (the
// "custom server" of the adapter-node docs), started by `scripts/start.mjs` after `pnpm build`.
// It exists for one thing the hooks cannot do: adapter-node serves the built static assets
// (`/_app/immutable/…`, `static/`) with sirv before any SvelteKit hook runs, so only here can
// those responses get `X-Content-Type-Options: nosniff`. Everything else — pages, endpoints,
// their security headers (`src/lib/server/security-headers.ts`) — is SvelteKit's, unchanged.
//
// Environment as for `node build`: HOST (default 0.0.0.0), PORT (default 3000), SHUTDOWN_TIMEOUT
// (seconds, default 30), plus everything the app itself reads (ORIGIN, DATA_DIR, …), all checked by
// the app's schema (the handler's start checks them too, in the `init` hook).
import http from 'node:http';
import process from 'node:process';
import { appEnv, parseEnv } from '@prozesswerkstatt/config';
import { handler } from '../build/handler.js';

const config = parseEnv('app', appEnv, process.env);
const host = config.HOST;
const port = config.PORT;
const shutdownTimeoutSeconds = config.SHUTDOWN_TIMEOUT;

/** Set on every response before the handler runs; SvelteKit's own headers overwrite it. */
const BASELINE_HEADERS = { 'X-Content-Type-Options': 'nosniff' };

const server = http.createServer((req, res) => {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not Found');
  });
});

server.listen(port, host, () => {
  console.log(`Listening on http://${host}:${port}`);
});

/** @type {NodeJS.Timeout | undefined} */
let forceClose;

/** Stops taking requests, lets running ones finish (at most SHUTDOWN_TIMEOUT), then tells the app. */
function shutdown(/** @type {string} */ reason) {
  if (forceClose) return;
  server.closeIdleConnections();
  server.close(() => {
    clearTimeout(forceClose);
    // The app closes its own resources on this event (see `comment-events.ts`), as with `node build`.
    process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason);
  });
  forceClose = setTimeout(() => server.closeAllConnections(), shutdownTimeoutSeconds * 1000);
  // Connections still open go as soon as their request is answered.
  server.on('request', (_req, res) => res.once('finish', () => server.closeIdleConnections()));
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
