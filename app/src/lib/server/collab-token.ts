import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { MemberRole } from '@prozesswerkstatt/storage';
import { dataDir } from './db.js';

/** Lifetime of a collab token, in seconds. A token only opens a connection; an open one stays. */
export const COLLAB_TOKEN_TTL_SECONDS = 10 * 60;

/** Name of the secret file in DATA_DIR; the same name `scripts/start.mjs` generates. */
export const SECRET_FILE_NAME = 'collab-auth-secret';

/** Where browsers reach the collab-server when `COLLAB_URL` is unset. */
export const DEFAULT_COLLAB_URL = 'ws://127.0.0.1:1234';

/** The collab-server's shortest accepted secret (see its config). */
const MIN_SECRET_LENGTH = 32;

/**
 * The key collab tokens are signed with: `COLLAB_AUTH_SECRET`, or the content of
 * `<DATA_DIR>/collab-auth-secret` — generated there once, exactly as `scripts/start.mjs` does, if
 * the app runs without it. The collab-server must get the same value, or it refuses every token.
 */
export function resolveCollabSecret(
  env: NodeJS.ProcessEnv = process.env,
  directory: string = env.DATA_DIR?.trim() || dataDir(),
): string {
  const fromEnv = env.COLLAB_AUTH_SECRET?.trim();
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
export function collabUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.COLLAB_URL?.trim() || DEFAULT_COLLAB_URL;
}

/** Who is granted what: the claims of a collab token. */
export interface CollabGrant {
  userId: string;
  userName: string;
  docName: string;
  role: MemberRole;
}

/** A signed token and when it stops opening connections. */
export interface CollabToken {
  token: string;
  expiresAt: string;
}

/**
 * Signs a collab token (HS256; claims `sub`, `name`, `doc`, `role`, `iat`, `exp`) as
 * `collab-server/PROTOCOL.md` describes it.
 */
export async function issueCollabToken(
  grant: CollabGrant,
  secret: string,
  now = new Date(),
): Promise<CollabToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const exp = issuedAt + COLLAB_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ name: grant.userName, doc: grant.docName, role: grant.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(grant.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
