import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import { describeEachDialect } from './test-database.js';
import { authenticate, listAccounts, registerUser, setFacilitator } from './users.js';

await describeEachDialect('users', (openTestStorage) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await openTestStorage()));
  afterEach(() => close());

  const password = 'a long enough password';

  it('makes the first account administrator and facilitator, later ones neither', async () => {
    const first = await registerUser(db, { email: 'first@example.org', name: 'First', password });
    const second = await registerUser(db, {
      email: 'second@example.org',
      name: 'Second',
      password,
    });
    expect(first).toMatchObject({ ok: true, user: { isAdmin: true, isFacilitator: true } });
    expect(second).toMatchObject({ ok: true, user: { isAdmin: false, isFacilitator: false } });
  });

  it('names every invalid field and refuses a taken email in any case', async () => {
    expect(await registerUser(db, { email: 'nope', name: ' ', password: 'short' })).toEqual({
      ok: false,
      errors: { email: 'email_invalid', name: 'name_required', password: 'password_too_short' },
    });
    await registerUser(db, { email: 'a@example.org', name: 'A', password });
    expect(await registerUser(db, { email: ' A@Example.ORG ', name: 'B', password })).toEqual({
      ok: false,
      errors: { email: 'email_taken' },
    });
  });

  it('refuses an e-mail address longer than 254 characters and stores nothing', async () => {
    const huge = `${'a'.repeat(7 * 1024 * 1024)}@example.org`;
    expect(await registerUser(db, { email: huge, name: 'Huge', password })).toEqual({
      ok: false,
      errors: { email: 'email_too_long' },
    });
    const longest = `${'a'.repeat(254 - '@example.org'.length)}@example.org`;
    expect(await registerUser(db, { email: longest, name: 'Longest', password })).toMatchObject({
      ok: true,
    });
    expect(await listAccounts(db)).toHaveLength(1);
  });

  it('authenticates with the right password only, whatever the email case', async () => {
    await registerUser(db, { email: 'a@example.org', name: 'A', password });
    expect(await authenticate(db, 'A@example.org', password)).toMatchObject({ name: 'A' });
    expect(await authenticate(db, 'a@example.org', `${password}!`)).toBeNull();
    expect(await authenticate(db, 'nobody@example.org', password)).toBeNull();
    const row = await db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('grants and withdraws the facilitator right', async () => {
    await registerUser(db, { email: 'a@example.org', name: 'A', password });
    const second = await registerUser(db, { email: 'b@example.org', name: 'B', password });
    if (!second.ok) throw new Error('registration failed');
    expect(await setFacilitator(db, second.user.id, true)).toBe(true);
    expect((await listAccounts(db)).map((a) => a.isFacilitator)).toEqual([true, true]);
    expect(await setFacilitator(db, 'unknown', true)).toBe(false);
  });
});
