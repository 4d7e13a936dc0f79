import { cleanLine } from '@prozesswerkstatt/plan-model';
import { z } from 'zod';
import type { Db } from './db.js';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.js';
import { newId } from './tokens.js';

/** Shortest password accepted (length beats composition rules; NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 10;
/** Longest password accepted: argon2 takes any length, this only bounds the work per request. */
export const PASSWORD_MAX_LENGTH = 200;
/** Longest display name. */
export const NAME_MAX_LENGTH = 100;
/** Longest e-mail address (RFC 5321's path limit less the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/** The signed-in account as the app sees it (`event.locals.user`). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  isFacilitator: boolean;
}

/** Converts a users row (flags as 0/1) into a {@link SessionUser}. */
export function toSessionUser(row: {
  id: string;
  email: string;
  name: string;
  is_admin: number;
  is_facilitator: number;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin === 1,
    isFacilitator: row.is_facilitator === 1,
  };
}

/** Lower-cases and trims an email so lookups and the unique constraint ignore case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Registration input; each issue names its field. */
export const registrationSchema = z.object({
  email: z
    .string()
    .trim()
    .max(EMAIL_MAX_LENGTH, { error: 'email_too_long' })
    .toLowerCase()
    .pipe(z.email({ error: 'email_invalid' })),
  name: z
    .string()
    .overwrite(cleanLine)
    .trim()
    .min(1, { error: 'name_required' })
    .max(NAME_MAX_LENGTH, { error: 'name_too_long' }),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: 'password_too_short' })
    .max(PASSWORD_MAX_LENGTH, { error: 'password_too_long' }),
});

/** What can be wrong with a registration, by field. */
export type RegistrationError =
  | 'email_invalid'
  | 'email_too_long'
  | 'email_taken'
  | 'name_required'
  | 'name_too_long'
  | 'password_too_short'
  | 'password_too_long';

/** The result of {@link registerUser}. */
export type RegistrationResult =
  | { ok: true; user: SessionUser }
  | { ok: false; errors: Partial<Record<'email' | 'name' | 'password', RegistrationError>> };

/**
 * Creates an account. The first account of the installation becomes administrator and
 * facilitator (decided inside the insert's transaction, so two simultaneous first registrations
 * cannot both become administrators).
 */
export async function registerUser(db: Db, input: unknown): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<'email' | 'name' | 'password', RegistrationError>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'email' || field === 'name' || field === 'password') && !errors[field]) {
        errors[field] = (
          issue.code === 'invalid_type' ? `${field}_invalid` : issue.message
        ) as RegistrationError;
      }
    }
    return { ok: false, errors };
  }
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const id = newId();
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (existing !== undefined) return { ok: false, errors: { email: 'email_taken' } } as const;
      const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      const first = anyUser === undefined ? 1 : 0;
      await trx
        .insertInto('users')
        .values({
          id,
          email,
          name,
          password_hash: passwordHash,
          is_admin: first,
          is_facilitator: first,
        })
        .execute();
      return {
        ok: true,
        user: { id, email, name, isAdmin: first === 1, isFacilitator: first === 1 },
      } as const;
    });
  } catch (error) {
    // A simultaneous registration of the same email won the unique constraint.
    const taken = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (taken !== undefined) return { ok: false, errors: { email: 'email_taken' } };
    throw error;
  }
}

/**
 * The account for `email` and `password`, or null. Takes the same time whether the email is
 * unknown or the password wrong, so the answer does not reveal which accounts exist.
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  if (row === undefined) return verifyDecoy(password).then(() => null);
  return (await verifyPassword(row.password_hash, password)) ? toSessionUser(row) : null;
}

/** One row of the administration list. */
export interface AccountSummary extends SessionUser {
  createdAt: string;
}

/** Every account, oldest first (the administration page). */
export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  return rows.map((row) => ({ ...toSessionUser(row), createdAt: row.created_at }));
}

/** Grants or withdraws the facilitator right; returns false for an unknown account. */
export async function setFacilitator(db: Db, userId: string, value: boolean): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ is_facilitator: value ? 1 : 0 })
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
