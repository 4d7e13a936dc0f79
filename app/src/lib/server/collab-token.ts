import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIN_SECRET_LENGTH } from '@prozesswerkstatt/contract/token';
import { appConfig, type AppEnv } from './config.js';
import { dataDir } from './db.js';

/** Name of the secret file in DATA_DIR; the same name `scripts/start.mjs` generates. */
export const SECRET_FILE_NAME = 'collab-auth-secret';

/** Where browsers reach the collab-server when `COLLAB_URL` is unset. */
export const DEFAULT_COLLAB_URL = 'ws://127.0.0.1:1234';

/**
 * The key collab tokens are signed with (`signCollabToken` in `@prozesswerkstatt/contract/token`): `COLLAB_AUTH_SECRET`, or the content of
 * `<DATA_DIR>/collab-auth-secret` — generated there once, exactly as `scripts/start.mjs` does, if
 * the app runs without it. The collab-server must get the same value, or it refuses every token.
 */
export function resolveCollabSecret(
  config: Partial<Pick<AppEnv, 'COLLAB_AUTH_SECRET'>> = appConfig(),
  directory: string = dataDir(),
): string {
  const fromEnv = config.COLLAB_AUTH_SECRET;
  if (fromEnv) return checked(fromEnv, 'COLLAB_AUTH_SECRET');
  const file = path.join(directory, SECRET_FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return checked(readFileSync(file, 'utf8').trim(), file);
}

function checked(secret: string, source: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `collab-token: the secret from ${source} is shorter than ${MIN_SECRET_LENGTH} characters`,
    );
  }
  return secret;
}

/** Where browsers open the WebSocket to the collab-server: `COLLAB_URL` or {@link DEFAULT_COLLAB_URL}. */
export function collabUrl(config: Partial<Pick<AppEnv, 'COLLAB_URL'>> = appConfig()): string {
  return config.COLLAB_URL || DEFAULT_COLLAB_URL;
}
