import type { Cookies } from '@sveltejs/kit';
import { appConfig } from './config.js';
import type { Db } from './db.js';
import { hashToken, newToken } from './tokens.js';
import { toSessionUser, type SessionUser } from './users.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'pw_session';

/** A session lasts 14 days after its last use (sliding expiry). */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * A session ends this long after login however active it is (absolute lifetime): a stolen cookie
 * that is kept busy stops working at the latest then, and everyone signs in again once a month.
 */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A session is extended only once less than this much of its lifetime is left, so an active user
 * causes one write per day rather than one per request.
 */
export const SESSION_RENEW_WHEN_LEFT_MS = SESSION_TTL_MS - 24 * 60 * 60 * 1000;

/** A resolved session: who, and until when the cookie must live. */
export interface ValidSession {
  user: SessionUser;
  expiresAt: Date;
  /** True when this lookup extended the session, so the cookie must be re-sent. */
  renewed: boolean;
}

/** Starts a session for `userId`; returns the token for the cookie (never stored as is). */
export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
  /** Summary of the browser (`summarizeUserAgent`), shown in the person's list of sessions. */
  userAgent: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      expires_at: expiresAt.toISOString(),
      created_at: now.toISOString(),
      user_agent: userAgent,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The session behind `token`, extended when due (never beyond {@link SESSION_MAX_AGE_MS} after
 * login); null for an unknown or expired token (an expired one is deleted on the spot).
 */
export async function validateSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ValidSession | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.expires_at',
      'sessions.created_at',
      'users.id',
      'users.email',
      'users.name',
      'users.is_admin',
      'users.is_facilitator',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;

  const endOfLife = new Date(new Date(row.created_at).getTime() + SESSION_MAX_AGE_MS);
  const expiresAt = new Date(Math.min(new Date(row.expires_at).getTime(), endOfLife.getTime()));
  if (expiresAt.getTime() <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const user = toSessionUser(row);
  const renewedUntil = new Date(Math.min(now.getTime() + SESSION_TTL_MS, endOfLife.getTime()));
  const due = expiresAt.getTime() - now.getTime() <= SESSION_RENEW_WHEN_LEFT_MS;
  if (!due || renewedUntil.getTime() <= expiresAt.getTime()) {
    return { user, expiresAt, renewed: false };
  }
  await db
    .updateTable('sessions')
    .set({ expires_at: renewedUntil.toISOString() })
    .where('id', '=', id)
    .execute();
  return { user, expiresAt: renewedUntil, renewed: true };
}

/** Ends the session behind `token` (logout); unknown tokens are ignored. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Deletes every expired session; returns how many. Run at login so the table stays small. */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Whether cookies need `Secure`: when the public origin (`ORIGIN`) is https. Over plain http
 * (localhost, the tests) a Secure cookie would never be sent back.
 */
export function cookieIsSecure(origin = appConfig().ORIGIN): boolean {
  return origin?.startsWith('https:') ?? false;
}

/** Sends the session cookie: HTTP-only, SameSite=Lax, Path=/, expiring with the session. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(),
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, sessionCookieRemoval());
}

/** The `Set-Cookie` value that removes the session cookie, for a response built by hand. */
export function clearedSessionCookie(cookies: Cookies): string {
  return cookies.serialize(SESSION_COOKIE, '', { ...sessionCookieRemoval(), maxAge: 0 });
}

function sessionCookieRemoval() {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieIsSecure() } as const;
}
