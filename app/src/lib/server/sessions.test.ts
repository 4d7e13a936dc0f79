import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import {
  SESSION_MAX_AGE_MS,
  SESSION_TTL_MS,
  createSession,
  deleteSession,
  purgeExpiredSessions,
  validateSession,
} from './sessions.js';
import { describeEachDialect } from './test-database.js';
import { hashToken } from './tokens.js';
import { registerUser } from './users.js';

await describeEachDialect('sessions', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  let userId: string;

  beforeEach(async () => {
    ({ db, close } = await openTestStorage());
    const result = await registerUser(db, {
      email: 'Ada@Example.org',
      name: 'Ada',
      password: 'correct horse battery',
    });
    if (!result.ok) throw new Error('registration failed');
    userId = result.user.id;
  });
  afterEach(() => close());

  it('stores only the hash of the token and resolves the token to the user', async () => {
    const now = new Date('2030-01-01T00:00:00.000Z');
    const { token, expiresAt } = await createSession(db, userId, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(SESSION_TTL_MS);
    const rows = await db.selectFrom('sessions').select('id').execute();
    expect(rows).toEqual([{ id: hashToken(token) }]);
    expect(rows[0]?.id).not.toContain(token);

    const session = await validateSession(db, token, now);
    expect(session?.user).toMatchObject({ id: userId, email: 'ada@example.org', isAdmin: true });
    expect(session?.renewed).toBe(false);
  });

  it('slides the expiry forward once a day has passed', async () => {
    const start = new Date('2030-01-01T00:00:00.000Z');
    const { token } = await createSession(db, userId, start);
    const later = new Date(start.getTime() + 2 * 24 * 60 * 60 * 1000);
    const session = await validateSession(db, token, later);
    expect(session?.renewed).toBe(true);
    expect(session?.expiresAt.getTime()).toBe(later.getTime() + SESSION_TTL_MS);
  });

  it('rejects and deletes an expired session, and purges expired ones', async () => {
    const start = new Date('2030-01-01T00:00:00.000Z');
    const { token } = await createSession(db, userId, start);
    const { token: other } = await createSession(db, userId, start);
    const after = new Date(start.getTime() + SESSION_TTL_MS + 1);
    expect(await validateSession(db, token, after)).toBeNull();
    expect(await purgeExpiredSessions(db, after)).toBe(1);
    expect(await validateSession(db, other, after)).toBeNull();
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('ends a session 30 days after login however busy it is kept', async () => {
    const start = new Date('2030-01-01T00:00:00.000Z');
    const { token } = await createSession(db, userId, start);
    const day = 24 * 60 * 60 * 1000;
    let last = null;
    for (let t = day; t < SESSION_MAX_AGE_MS; t += day) {
      last = await validateSession(db, token, new Date(start.getTime() + t));
      expect(last).not.toBeNull();
    }
    // The last renewals stop at the absolute end instead of sliding past it.
    expect(last?.expiresAt.getTime()).toBe(start.getTime() + SESSION_MAX_AGE_MS);
    expect(
      await validateSession(db, token, new Date(start.getTime() + SESSION_MAX_AGE_MS)),
    ).toBeNull();
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('forgets a session at logout and ignores unknown tokens', async () => {
    const { token } = await createSession(db, userId);
    await deleteSession(db, token);
    expect(await validateSession(db, token)).toBeNull();
    expect(await validateSession(db, 'not-a-token')).toBeNull();
  });
});
