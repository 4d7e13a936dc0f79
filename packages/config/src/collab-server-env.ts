import { z } from 'zod';
import { withDefault } from './settings.js';
import * as v from './variables.js';

/** The collab-server's environment (`collab-server/src/main.ts`). */
export const collabServerEnv = z.object({
  HOST: withDefault(v.HOST, '127.0.0.1'),
  PORT: withDefault(v.PORT, 1234),
  DATA_DIR: v.DATA_DIR,
  DATABASE_URL: v.DATABASE_URL,
  REDIS_URL: v.REDIS_URL,
  // Required here: the collab-server has no data folder of its own to generate it in.
  COLLAB_AUTH_SECRET: v.COLLAB_AUTH_SECRET.refine((secret) => secret !== undefined, {
    message: `must be set to at least ${v.MIN_SECRET_LENGTH} characters`,
  }).transform((secret) => secret as string),
  LOG_LEVEL: v.LOG_LEVEL,
  COLLAB_ALLOWED_ORIGINS: v.COLLAB_ALLOWED_ORIGINS,
  COLLAB_METRICS_TOKEN: v.COLLAB_METRICS_TOKEN,
  COLLAB_MAX_MESSAGE_BYTES: v.COLLAB_MAX_MESSAGE_BYTES,
  COLLAB_MESSAGES_PER_SECOND: v.COLLAB_MESSAGES_PER_SECOND,
  COLLAB_MESSAGE_BURST: v.COLLAB_MESSAGE_BURST,
  COLLAB_MAX_BUFFERED_BYTES: v.COLLAB_MAX_BUFFERED_BYTES,
  COLLAB_IDLE_UNLOAD_MS: v.COLLAB_IDLE_UNLOAD_MS,
  COLLAB_COMPACT_AFTER_UPDATES: v.COLLAB_COMPACT_AFTER_UPDATES,
  COLLAB_SHUTDOWN_COMPACT_MS: v.COLLAB_SHUTDOWN_COMPACT_MS,
  COLLAB_PING_INTERVAL_MS: v.COLLAB_PING_INTERVAL_MS,
  COLLAB_PRESENCE_INTERVAL_MS: v.COLLAB_PRESENCE_INTERVAL_MS,
  COLLAB_CHECKPOINT_INTERVAL_MS: v.COLLAB_CHECKPOINT_INTERVAL_MS,
});

export type CollabServerEnv = z.infer<typeof collabServerEnv>;
