/**
 * Changing one's password on the account page. The current password is required (a session left
 * open on a shared computer must not be enough to take the account over), and every other session
 * of the person ends, so whoever knew the old password and was signed in is signed out.
 */
import { z } from 'zod';
import type { Db } from './db.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeOtherSessions } from './session-list.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users.js';

/** What can be wrong with a password change, by field. */
export interface PasswordChangeErrors {
  current?: 'current_required' | 'current_wrong';
  next?: 'password_too_short' | 'password_too_long';
}

/** The outcome: how many other sessions ended, or what is wrong. */
export type PasswordChangeResult =
  { ok: true; endedSessions: number } | { ok: false; errors: PasswordChangeErrors };

const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'password_too_short' })
  .max(PASSWORD_MAX_LENGTH, { error: 'password_too_long' });

/** Sets a new password for `userId` if `current` is right, and ends its other sessions. */
export async function changePassword(
  db: Db,
  userId: string,
  input: { current: string; next: string },
  currentToken: string,
): Promise<PasswordChangeResult> {
  const errors: PasswordChangeErrors = {};
  const parsed = newPassword.safeParse(input.next);
  if (!parsed.success) {
    errors.next =
      parsed.error.issues[0]?.message === 'password_too_long'
        ? 'password_too_long'
        : 'password_too_short';
  }
  if (input.current === '') errors.current = 'current_required';
  if (errors.current || errors.next) return { ok: false, errors };

  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.password_hash, input.current))) {
    return { ok: false, errors: { current: 'current_wrong' } };
  }
  const passwordHash = await hashPassword(input.next);
  const endedSessions = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
    return revokeOtherSessions(trx, userId, currentToken);
  });
  return { ok: true, endedSessions };
}
