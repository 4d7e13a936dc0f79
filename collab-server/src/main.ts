import { openStorage } from '@prozesswerkstatt/storage';
import { readEnvConfig } from './config.js';
import { startCollabServer } from './http-server.js';
import { createLogger } from './logger.js';

/** Runs the collab-server alone, configured by the environment (see README). */
async function main(): Promise<void> {
  const config = readEnvConfig(process.env);
  const logger = createLogger(config.logLevel);
  const storage = await openStorage({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    // Off this event loop, where every relay waits for its commit: the WAL checkpoints (the app
    // shares the SQLite file but keeps SQLite's own) and the merges of compactions.
    sqliteBackgroundCheckpoints: true,
    mergeInWorker: true,
    logger: (message: string) => logger.warn(message),
  });
  const server = await startCollabServer({
    storage,
    authSecret: config.authSecret,
    logger,
    host: config.host,
    port: config.port,
    limits: config.limits,
    redisUrl: config.redisUrl,
    allowedOrigins: config.allowedOrigins,
    metricsToken: config.metricsToken,
  });
  if (config.allowedOrigins.length === 0) {
    logger.warn('COLLAB_ALLOWED_ORIGINS is unset: WebSocket upgrades from any origin are accepted');
  }

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: storing pending updates and closing connections');
    await server.close();
    await storage.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
