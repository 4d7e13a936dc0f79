export {
  defaultLimits,
  readEnvConfig,
  type CollabLimits,
  type CollabServerOptions,
} from './config.js';
export { startCollabServer, type RunningCollabServer } from './http-server.js';
export { createLogger, type Logger } from './logger.js';
