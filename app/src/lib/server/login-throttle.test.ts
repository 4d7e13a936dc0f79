import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import {
  ACCOUNT_LOGIN_RULE,
  accountLoginKey,
  addressLoginKey,
  countAttempt,
  forgetAttempts,
  pruneThrottle,
  refundAttempt,
} from './login-throttle.js';
import { describeEachDialect } from './test-database.js';

const RULE = { limit: 5, windowMs: 15 * 60_000 };

await describeEachDialect('login throttle', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await openTestStorage()));
  afterEach(() => close());

  it('lets exactly the limit through when 200 attempts arrive at once', async () => {
    const key = accountLoginKey('ada@example.org');
    const verdicts = await Promise.all(
      Array.from({ length: 200 }, () => countAttempt(db, key, RULE)),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(RULE.limit);
  });

  it('says how long a key stays locked and opens it when its window ends', async () => {
    const key = accountLoginKey('Ada@Example.org ');
    const start = new Date('2030-01-01T10:00:00.000Z');
    for (let i = 0; i < RULE.limit; i++) {
      expect((await countAttempt(db, key, RULE, start)).allowed).toBe(true);
    }
    const threeMinutesLater = new Date(start.getTime() + 3 * 60_000);
    expect(await countAttempt(db, key, RULE, threeMinutesLater)).toEqual({
      allowed: false,
      retryAfterSeconds: 12 * 60,
    });
    // The same account however its address is written; another account is not touched.
    expect((await countAttempt(db, accountLoginKey('ada@example.org'), RULE, start)).allowed).toBe(
      false,
    );
    expect((await countAttempt(db, accountLoginKey('bob@example.org'), RULE, start)).allowed).toBe(
      true,
    );
    const windowEnd = new Date(start.getTime() + RULE.windowMs);
    expect((await countAttempt(db, key, RULE, windowEnd)).allowed).toBe(true);
  });

  it('forgets an account and takes back one attempt of an address', async () => {
    const account = accountLoginKey('ada@example.org');
    const address = addressLoginKey('10.0.0.1');
    const tight = { limit: 1, windowMs: 60_000 };
    await countAttempt(db, account, tight);
    await countAttempt(db, address, tight);
    await forgetAttempts(db, account);
    await refundAttempt(db, address);
    expect((await countAttempt(db, account, tight)).allowed).toBe(true);
    expect((await countAttempt(db, address, tight)).allowed).toBe(true);
    expect((await countAttempt(db, address, tight)).allowed).toBe(false);
  });

  it('is not unlocked by thousands of other keys, and prunes only ended windows', async () => {
    const start = new Date('2030-01-01T10:00:00.000Z');
    const locked = accountLoginKey('ada@example.org');
    for (let i = 0; i <= ACCOUNT_LOGIN_RULE.limit; i++) {
      await countAttempt(db, locked, ACCOUNT_LOGIN_RULE, start);
    }
    const others = Array.from({ length: 10_050 }, (_, i) => ({
      key: accountLoginKey(`user${i}@example.org`),
      window_start: start.toISOString(),
      attempts: 1,
    }));
    for (let i = 0; i < others.length; i += 500) {
      await db
        .insertInto('login_throttle')
        .values(others.slice(i, i + 500))
        .execute();
    }
    await pruneThrottle(db, new Date(start.getTime() + 60_000));
    expect(
      (await countAttempt(db, locked, ACCOUNT_LOGIN_RULE, new Date(start.getTime() + 60_000)))
        .allowed,
    ).toBe(false);
    await pruneThrottle(db, new Date(start.getTime() + 2 * 60 * 60_000));
    const left = await db.selectFrom('login_throttle').select('key').execute();
    expect(left).toEqual([]);
  });
});
