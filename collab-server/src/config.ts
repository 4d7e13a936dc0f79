import { collabServerEnv, parseEnv, type CollabServerEnv } from '@prozesswerkstatt/config';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import { parseOrigins } from './http-guards.js';
import type { Logger } from './logger.js';

/** Every tunable of the collab-server, with its default in {@link defaultLimits}. */
export interface CollabLimits {
  /**
   * Largest accepted message in bytes (default 8 MiB). Bigger messages close the connection with
   * {@link CloseCode.MessageTooLarge}, a permanent code, so a stock client does not loop re-sending.
   */
  maxMessageBytes: number;
  /** Sustained messages per second one connection may send (default 200). */
  messagesPerSecond: number;
  /** Short bursts above the sustained rate, in messages (default 400). */
  messageBurst: number;
  /** Messages buffered per connection while its document loads (default 100). */
  maxQueuedBeforeLoad: number;
  /**
   * Bytes queued for one slow reader before it is disconnected (default 32 MiB); it reconnects and
   * re-syncs instead of growing server memory without bound.
   */
  maxBufferedBytes: number;
  /** A document without connections stays loaded this long, in ms (default 30 s). */
  idleUnloadMs: number;
  /** Log entries appended since the last compaction that trigger a background compaction (default 500). */
  compactAfterUpdates: number;
  /**
   * How long a graceful shutdown goes on compacting the loaded documents' logs, in ms (default
   * 10 s). Documents not reached by then are left as they are (the next load compacts a long log);
   * a compaction already running finishes. 0 compacts nothing on shutdown.
   */
  shutdownCompactMs: number;
  /** Interval of WebSocket pings in ms; a peer that misses one is dropped (default 30 s). */
  pingIntervalMs: number;
  /**
   * Presence changes are merged and sent at most this often, in ms (default 40): fast enough for
   * cursors, and one frame per interval instead of one per change and peer.
   */
  presenceIntervalMs: number;
  /**
   * An automatic checkpoint (a version of kind `checkpoint`) is taken this long after the first
   * edit since the previous one, in ms (default 10 min): "at most every ten minutes of activity".
   */
  checkpointIntervalMs: number;
}

/** Defaults for {@link CollabLimits}, chosen for plans of a few MB and human typing speed. */
export const defaultLimits: CollabLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  maxQueuedBeforeLoad: 100,
  maxBufferedBytes: 32 * 1024 * 1024,
  idleUnloadMs: 30_000,
  compactAfterUpdates: 500,
  shutdownCompactMs: 10_000,
  pingIntervalMs: 30_000,
  presenceIntervalMs: 40,
  checkpointIntervalMs: 10 * 60_000,
};

/** What a collab-server instance needs to run. */
export interface CollabServerOptions {
  /** Where documents are persisted. The server does not close it; the caller owns it. */
  storage: DocumentStorage;
  /** HS256 secret shared with the app that issues tokens; at least `MIN_SECRET_LENGTH` (32). */
  authSecret: string;
  /** Structured logger (pino). */
  logger: Logger;
  /** Overrides of {@link defaultLimits}. */
  limits?: Partial<CollabLimits>;
  /**
   * `redis://…` to relay updates and presence between several instances serving the same
   * documents (behind a load balancer); unset for a single instance.
   */
  redisUrl?: string;
  /**
   * Origins (`https://plans.example.org`) whose pages may open WebSockets; an upgrade carrying
   * another `Origin` is refused with 403. Empty or unset: every origin (see `http-guards.ts`).
   */
  allowedOrigins?: readonly string[];
  /**
   * Bearer token that `/metrics` requires. Unset: `/metrics` answers only clients on this machine
   * (loopback), so a server listening on a public address does not publish its metrics.
   */
  metricsToken?: string;
}

/** Merges caller overrides into the defaults in one place. */
export function resolveLimits(overrides: Partial<CollabLimits> = {}): CollabLimits {
  return { ...defaultLimits, ...overrides };
}

/** The process environment for `main.ts`; every variable is documented in the README. */
export interface EnvConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  authSecret: string;
  logLevel: string;
  limits: Partial<CollabLimits>;
  /** `COLLAB_ALLOWED_ORIGINS`, see {@link CollabServerOptions.allowedOrigins}. */
  allowedOrigins: string[];
  /** `COLLAB_METRICS_TOKEN`, see {@link CollabServerOptions.metricsToken}. */
  metricsToken: string | undefined;
}

/** Environment variables that override a limit (each checked by `collabServerEnv`). */
const limitVariables = {
  COLLAB_MAX_MESSAGE_BYTES: 'maxMessageBytes',
  COLLAB_MESSAGES_PER_SECOND: 'messagesPerSecond',
  COLLAB_MESSAGE_BURST: 'messageBurst',
  COLLAB_MAX_BUFFERED_BYTES: 'maxBufferedBytes',
  COLLAB_IDLE_UNLOAD_MS: 'idleUnloadMs',
  COLLAB_COMPACT_AFTER_UPDATES: 'compactAfterUpdates',
  COLLAB_SHUTDOWN_COMPACT_MS: 'shutdownCompactMs',
  COLLAB_PING_INTERVAL_MS: 'pingIntervalMs',
  COLLAB_PRESENCE_INTERVAL_MS: 'presenceIntervalMs',
  COLLAB_CHECKPOINT_INTERVAL_MS: 'checkpointIntervalMs',
} as const satisfies Partial<Record<keyof CollabServerEnv, keyof CollabLimits>>;

/**
 * Parses and checks the environment with the collab-server's schema (`@prozesswerkstatt/config`),
 * throwing a `ConfigError` that names each variable at fault; `main.ts` then refuses to start.
 */
export function readEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const parsed = parseEnv('collab-server', collabServerEnv, env);
  const limits: Partial<CollabLimits> = {};
  for (const [variable, limit] of Object.entries(limitVariables)) {
    const value = parsed[variable as keyof typeof limitVariables];
    if (value !== undefined) limits[limit] = value;
  }
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    dataDir: parsed.DATA_DIR,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    authSecret: parsed.COLLAB_AUTH_SECRET,
    logLevel: parsed.LOG_LEVEL,
    limits,
    allowedOrigins: parseOrigins(parsed.COLLAB_ALLOWED_ORIGINS),
    metricsToken: parsed.COLLAB_METRICS_TOKEN,
  };
}
