import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import { changePassword } from './password-change.js';
import { authenticate } from './users.js';
import { listSessions, revokeOtherSessions, revokeSession } from './session-list.js';
import { SESSION_TTL_MS, createSession, validateSession } from './sessions.js';
import { describeEachDialect, testAccount } from './test-database.js';

await describeEachDialect('own sessions and password change', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  let ada: string;
  let bob: string;
  const start = new Date('2030-03-01T08:00:00.000Z');
  const day = 24 * 60 * 60 * 1000;

  beforeEach(async () => {
    ({ db, close } = await openTestStorage());
    ada = (await testAccount(db, 'Ada')).id;
    bob = (await testAccount(db, 'Bob')).id;
  });
  afterEach(() => close());

  it('lists only one’s own unexpired sessions, the current one first', async () => {
    const laptop = await createSession(db, ada, start, 'Firefox|Linux');
    const phone = await createSession(db, ada, start, 'Safari|iOS');
    await createSession(db, bob, start, 'Chrome|Windows');
    const old = await createSession(db, ada, new Date(start.getTime() - SESSION_TTL_MS - day));
    // The phone is used three days later: its expiry slides, its last activity moves.
    const later = new Date(start.getTime() + 3 * day);
    await validateSession(db, phone.token, later);

    const sessions = await listSessions(db, ada, laptop.token, later);
    expect(sessions.map((s) => [s.device, s.current])).toEqual([
      [{ browser: 'Firefox', system: 'Linux' }, true],
      [{ browser: 'Safari', system: 'iOS' }, false],
    ]);
    expect(sessions[1]).toMatchObject({
      createdAt: start.toISOString(),
      lastActiveAt: later.toISOString(),
      expiresAt: new Date(later.getTime() + SESSION_TTL_MS).toISOString(),
    });
    expect(await validateSession(db, old.token, later)).toBeNull();
  });

  it('ends one own session, never another person’s nor the current one', async () => {
    const mine = await createSession(db, ada, start);
    const other = await createSession(db, ada, start);
    const bobs = await createSession(db, bob, start);
    const [, otherSummary] = await listSessions(db, ada, mine.token, start);
    const bobsId = (await listSessions(db, bob, bobs.token, start))[0]!.id;

    expect(await revokeSession(db, ada, bobsId, mine.token)).toBe(false);
    expect(await validateSession(db, bobs.token, start)).not.toBeNull();
    expect(await revokeSession(db, ada, otherSummary!.id, mine.token)).toBe(true);
    expect(await validateSession(db, other.token, start)).toBeNull();
    const currentId = (await listSessions(db, ada, mine.token, start))[0]!.id;
    expect(await revokeSession(db, ada, currentId, mine.token)).toBe(false);
  });

  it('logs out everywhere else', async () => {
    const mine = await createSession(db, ada, start);
    const others = [await createSession(db, ada, start), await createSession(db, ada, start)];
    const bobs = await createSession(db, bob, start);
    expect(await revokeOtherSessions(db, ada, mine.token)).toBe(2);
    for (const { token } of others) expect(await validateSession(db, token, start)).toBeNull();
    expect(await validateSession(db, mine.token, start)).not.toBeNull();
    expect(await validateSession(db, bobs.token, start)).not.toBeNull();
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const mine = await createSession(db, ada, start);
    const other = await createSession(db, ada, start);
    const current = 'a long enough password';

    expect(
      await changePassword(
        db,
        ada,
        { current: 'wrong-password', next: 'new-password-1' },
        mine.token,
      ),
    ).toEqual({ ok: false, errors: { current: 'current_wrong' } });
    expect(await changePassword(db, ada, { current: '', next: 'short' }, mine.token)).toEqual({
      ok: false,
      errors: { current: 'current_required', next: 'password_too_short' },
    });
    expect(await validateSession(db, other.token, start)).not.toBeNull();

    const changed = await changePassword(db, ada, { current, next: 'new-password-1' }, mine.token);
    expect(changed).toEqual({ ok: true, endedSessions: 1 });
    expect(await validateSession(db, other.token, start)).toBeNull();
    expect(await validateSession(db, mine.token, start)).not.toBeNull();
    expect(await authenticate(db, 'ada@example.org', current)).toBeNull();
    expect(await authenticate(db, 'ada@example.org', 'new-password-1')).not.toBeNull();
  });
});
