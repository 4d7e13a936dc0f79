// Diagnostic only (`run-bench.mjs --servers reference,ours,ours-memory`): our collab-server as
// `collab-server/dist/main.js` runs it, configured by the same environment, but on the in-memory
// storage, which stores nothing. A run beside `ours` separates what persistence costs from what
// the server costs without it. Never a way to run the product: everything is lost on exit.
import { createLogger, readEnvConfig, startCollabServer } from '@prozesswerkstatt/collab-server';
import { MemoryDocumentStorage } from '@prozesswerkstatt/storage';

const config = readEnvConfig(process.env);
const logger = createLogger(config.logLevel);
const server = await startCollabServer({
  storage: new MemoryDocumentStorage(),
  authSecret: config.authSecret,
  logger,
  host: config.host,
  port: config.port,
  limits: config.limits,
});
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
