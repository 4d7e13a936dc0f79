import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLogger,
  startCollabServer,
  type CollabLimits,
  type RunningCollabServer,
} from '@prozesswerkstatt/collab-server';
import { openStorage, type DocumentStorage } from '@prozesswerkstatt/storage';
import { testSecret } from './tokens.js';

/** A real collab-server on a free port with a temporary SQLite database. */
export interface TestServer {
  server: RunningCollabServer;
  storage: DocumentStorage;
  url: string;
  dataDir: string;
  /** Stops server and storage; keeps the data directory for a restart. */
  stop(): Promise<void>;
  /** Stops and starts again on the same data directory (new port). */
  restart(): Promise<TestServer>;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
}

/** Starts a quiet server; pass `dataDir` to reuse an existing database. */
export async function startTestServer(
  options: {
    dataDir?: string;
    limits?: Partial<CollabLimits>;
    port?: number;
    redisUrl?: string;
    /** PostgreSQL (with this schema) instead of SQLite in `dataDir`. */
    postgres?: { url: string; schema: string };
    allowedOrigins?: string[];
    metricsToken?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pw-collab-')));
  const storage = await openStorage({
    dataDir,
    databaseUrl: options.postgres?.url,
    postgresSchema: options.postgres?.schema,
  });
  const server = await startCollabServer({
    storage,
    authSecret: testSecret,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    host: '127.0.0.1',
    port: options.port ?? 0,
    limits: options.limits,
    redisUrl: options.redisUrl,
    allowedOrigins: options.allowedOrigins,
    metricsToken: options.metricsToken,
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.close();
    await storage.close();
  };
  return {
    server,
    storage,
    url: server.url,
    dataDir,
    stop,
    async restart() {
      await stop();
      return startTestServer({ ...options, dataDir });
    },
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
