import { MIN_SECRET_LENGTH } from '@prozesswerkstatt/contract/token';
import {
  integer,
  oneOf,
  optionalInteger,
  optionalMatching,
  optionalSecret,
  optionalText,
  optionalUrl,
  port,
  text,
} from './settings.js';

/**
 * Every environment variable of the app, the collab-server and `scripts/start.mjs`, each defined
 * once; the processes' schemas (`app-env.ts`, `collab-server-env.ts`, `start-env.ts`) pick theirs.
 * A variable two processes share means the same there. The README's table lists them.
 */

/** Interface to listen on; each process has its default (`withDefault`). */
export const HOST = optionalText();
/** Port to listen on (app, collab-server alone); each process has its default. */
export const PORT = optionalInteger(0, 65535);
/** The collab-server's port when `pnpm start` runs both. */
export const COLLAB_PORT = port(1234);
/** Public URL of the app (SvelteKit's CSRF check; `Secure` cookies when https). */
export const ORIGIN = optionalUrl(['http:', 'https:']);
/** Folder of the SQLite file and the generated collab secret. */
export const DATA_DIR = text('./data');
/** `postgres://…` selects PostgreSQL (storage refuses other schemes). */
export const DATABASE_URL = optionalText();
/** Redis between collab-server instances, and comment events between app instances. */
export const REDIS_URL = optionalUrl(['redis:', 'rediss:']);

/** The collab-server's shortest accepted secret: the token contract's. */
export { MIN_SECRET_LENGTH };
/** HS256 key of collab tokens; the app and `pnpm start` fall back to a generated file. */
export const COLLAB_AUTH_SECRET = optionalSecret(MIN_SECRET_LENGTH);
/** Where browsers open the collab WebSocket. */
export const COLLAB_URL = optionalUrl(['ws:', 'wss:']);
/** Where the app calls the collab-server's internal API. */
export const COLLAB_INTERNAL_URL = optionalUrl(['http:', 'https:']);
/** Origins (comma- or space-separated) whose pages may open WebSockets. */
export const COLLAB_ALLOWED_ORIGINS = optionalText();
/** Bearer token `/metrics` requires. */
export const COLLAB_METRICS_TOKEN = optionalText();
/** pino's level. */
export const LOG_LEVEL = oneOf(
  ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  'info',
);

/** The collab-server's limits (defaults in its `defaultLimits`); 0 only where it means "none". */
export const COLLAB_MAX_MESSAGE_BYTES = optionalInteger(1);
export const COLLAB_MESSAGES_PER_SECOND = optionalInteger(1);
export const COLLAB_MESSAGE_BURST = optionalInteger(1);
export const COLLAB_MAX_BUFFERED_BYTES = optionalInteger(1);
export const COLLAB_IDLE_UNLOAD_MS = optionalInteger(1);
export const COLLAB_COMPACT_AFTER_UPDATES = optionalInteger(1);
export const COLLAB_SHUTDOWN_COMPACT_MS = optionalInteger(0);
export const COLLAB_PING_INTERVAL_MS = optionalInteger(1);
export const COLLAB_PRESENCE_INTERVAL_MS = optionalInteger(1);
export const COLLAB_CHECKPOINT_INTERVAL_MS = optionalInteger(1);

/** adapter-node's largest request body: bytes, with an optional K, M or G, or `Infinity`. */
export const BODY_SIZE_LIMIT = optionalMatching(
  /^(\d+[KMG]?|Infinity)$/i,
  'a size such as 512K, 8M or 1G, or Infinity',
);
/** adapter-node: the header holding the client address behind a proxy. */
export const ADDRESS_HEADER = optionalMatching(/^[A-Za-z0-9-]+$/, 'an HTTP header name');
/** adapter-node: which entry of `X-Forwarded-For`, from the right. */
export const XFF_DEPTH = integer(1, 1);
/** adapter-node (our `server/index.js`): seconds running requests get after SIGTERM. */
export const SHUTDOWN_TIMEOUT = integer(30, 0);
/** Registrations per client address and hour. */
export const REGISTRATION_LIMIT_PER_HOUR = integer(30, 1);
