export { canWritePlan, roles, type AuthContext, type Role } from './auth.js';
export {
  defaultLimits,
  readEnvConfig,
  type CollabLimits,
  type CollabServerOptions,
} from './config.js';
export { startCollabServer, type RunningCollabServer } from './http-server.js';
export { createLogger, type Logger } from './logger.js';
export { CloseCode } from './protocol/close-codes.js';
export { MessageType, SyncMessageType } from './protocol/message-types.js';
