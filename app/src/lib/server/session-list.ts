/**
 * A person's own sessions, for the account page: which browsers are signed in, since when, until
 * when, and ending one or all others. Every function is scoped to one user id, so nobody can list
 * or end someone else's session, whatever id a form sends.
 */
import type { Db } from './db.js';
import { SESSION_MAX_AGE_MS, SESSION_TTL_MS } from './sessions.js';
import { hashToken } from './tokens.js';
import { readStoredUserAgent, type UserAgentSummary } from './user-agent-summary.js';

/** One session as the account page lists it. */
export interface SessionSummary {
  /** The stored id (a hash of the token, which itself never leaves the cookie). */
  id: string;
  createdAt: string;
  /**
   * Last activity to within a day: a session is extended at most once a day, and only that
   * write is recorded (14 days before its current expiry).
   */
  lastActiveAt: string;
  /** When it ends unless used again: the earlier of its sliding expiry and its absolute end. */
  expiresAt: string;
  device: UserAgentSummary;
  /** True for the session of the request that lists them. */
  current: boolean;
}

/** The unexpired sessions of `userId`, the current one first, then the most recent first. */
export async function listSessions(
  db: Db,
  userId: string,
  currentToken: string,
  now = new Date(),
): Promise<SessionSummary[]> {
  const currentId = hashToken(currentToken);
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .execute();
  return rows
    .map((row) => summarize(row, currentId))
    .filter((session) => new Date(session.expiresAt).getTime() > now.getTime())
    .sort((a, b) =>
      a.current !== b.current ? (a.current ? -1 : 1) : b.lastActiveAt.localeCompare(a.lastActiveAt),
    );
}

function summarize(
  row: { id: string; created_at: string; expires_at: string; user_agent: string | null },
  currentId: string,
): SessionSummary {
  const created = new Date(row.created_at).getTime();
  const expires = new Date(row.expires_at).getTime();
  return {
    id: row.id,
    createdAt: new Date(created).toISOString(),
    lastActiveAt: new Date(Math.max(created, expires - SESSION_TTL_MS)).toISOString(),
    expiresAt: new Date(Math.min(expires, created + SESSION_MAX_AGE_MS)).toISOString(),
    device: readStoredUserAgent(row.user_agent),
    current: row.id === currentId,
  };
}

/** Ends one session of `userId`; false when it has no such session (or it is the current one). */
export async function revokeSession(
  db: Db,
  userId: string,
  sessionId: string,
  currentToken: string,
): Promise<boolean> {
  if (sessionId === hashToken(currentToken)) return false;
  const result = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Ends every session of `userId` except the one of `currentToken`; returns how many. */
export async function revokeOtherSessions(
  db: Db,
  userId: string,
  currentToken: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', hashToken(currentToken))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
