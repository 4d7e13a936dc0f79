import { z } from 'zod';
import { withDefault } from './settings.js';
import * as v from './variables.js';

/**
 * The app's environment: what `app/src/lib/server` reads, and what adapter-node and our
 * `app/server/index.js` read for it (checked here too, so a typo stops the start).
 */
export const appEnv = z.object({
  HOST: withDefault(v.HOST, '0.0.0.0'),
  PORT: withDefault(v.PORT, 3000),
  ORIGIN: v.ORIGIN,
  DATA_DIR: v.DATA_DIR,
  DATABASE_URL: v.DATABASE_URL,
  REDIS_URL: v.REDIS_URL,
  COLLAB_AUTH_SECRET: v.COLLAB_AUTH_SECRET,
  COLLAB_URL: v.COLLAB_URL,
  COLLAB_INTERNAL_URL: v.COLLAB_INTERNAL_URL,
  BODY_SIZE_LIMIT: v.BODY_SIZE_LIMIT,
  ADDRESS_HEADER: v.ADDRESS_HEADER,
  XFF_DEPTH: v.XFF_DEPTH,
  SHUTDOWN_TIMEOUT: v.SHUTDOWN_TIMEOUT,
  REGISTRATION_LIMIT_PER_HOUR: v.REGISTRATION_LIMIT_PER_HOUR,
});

export type AppEnv = z.infer<typeof appEnv>;
