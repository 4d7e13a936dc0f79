import { z } from 'zod';
import { withDefault } from './settings.js';
import * as v from './variables.js';

/**
 * What `scripts/start.mjs` (and `scripts/dev.mjs`) read before starting both servers; it passes
 * the rest of the environment through to them. `PORT` has no default here: it is 3000 for
 * `pnpm start` and 5173 for `pnpm dev`.
 */
export const startEnv = z.object({
  HOST: withDefault(v.HOST, '127.0.0.1'),
  PORT: v.PORT,
  COLLAB_PORT: v.COLLAB_PORT,
  ORIGIN: v.ORIGIN,
  DATA_DIR: v.DATA_DIR,
  COLLAB_AUTH_SECRET: v.COLLAB_AUTH_SECRET,
  COLLAB_ALLOWED_ORIGINS: v.COLLAB_ALLOWED_ORIGINS,
  COLLAB_URL: v.COLLAB_URL,
  COLLAB_INTERNAL_URL: v.COLLAB_INTERNAL_URL,
  BODY_SIZE_LIMIT: v.BODY_SIZE_LIMIT,
});

export type StartEnv = z.infer<typeof startEnv>;
