import { createHash } from 'node:crypto';
import { appConfig } from './config.js';
import type { Db } from './db.js';
import { normalizeEmail } from './users.js';

/** How many attempts one key may make within one window. */
export interface ThrottleRule {
  readonly limit: number;
  readonly windowMs: number;
}

const MINUTE_MS = 60 * 1000;

/** Login attempts per account: low, since nobody mistypes their own password five times. */
export const ACCOUNT_LOGIN_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE_MS };
/**
 * Login attempts per client address: high, because a whole administration may reach the app
 * through one proxy address, and a few colleagues' typos must not lock everyone out. It stops
 * one machine from guessing across many accounts.
 */
export const ADDRESS_LOGIN_RULE: ThrottleRule = { limit: 100, windowMs: 15 * MINUTE_MS };
/**
 * Registrations per client address and hour: `REGISTRATION_LIMIT_PER_HOUR` (a whole number ≥ 1;
 * default 30, so a department registering on its first day fits).
 */
export function registrationRule(): ThrottleRule {
  return { limit: appConfig().REGISTRATION_LIMIT_PER_HOUR, windowMs: 60 * MINUTE_MS };
}

/** The longest window of any rule: rows older than this are of no use and are pruned. */
const LONGEST_WINDOW_MS = 60 * MINUTE_MS;

/** Whether an attempt may go ahead and, if not, for how long its key stays blocked. */
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Hashed, so keys have one length whatever a client sends and the table holds no addresses. */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The key counting login attempts at one account (by its e-mail, known or not). */
export function accountLoginKey(email: string): string {
  return `login-account:${digest(normalizeEmail(email))}`;
}

/** The key counting login attempts from one client address. */
export function addressLoginKey(clientAddress: string): string {
  return `login-address:${digest(clientAddress)}`;
}

/** The key counting registrations from one client address. */
export function addressRegistrationKey(clientAddress: string): string {
  return `register-address:${digest(clientAddress)}`;
}

/**
 * Counts one attempt of `key` and says whether it may go ahead, in one statement (an upsert that
 * starts a new window when the old one has ended), so parallel attempts can never all pass the
 * check before any of them is counted. Call it before the work being limited (the password
 * check), never after.
 */
export async function countAttempt(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = new Date(),
): Promise<ThrottleVerdict> {
  await pruneOccasionally(db, now);
  const windowEndedBefore = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await db
    .insertInto('login_throttle')
    .values({ key, window_start: now.toISOString(), attempts: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => {
        const ended = eb('login_throttle.window_start', '<=', windowEndedBefore);
        return {
          attempts: eb
            .case()
            .when(ended)
            .then(1)
            .else(eb('login_throttle.attempts', '+', 1))
            .end(),
          window_start: eb
            .case()
            .when(ended)
            .then(eb.ref('excluded.window_start'))
            .else(eb.ref('login_throttle.window_start'))
            .end(),
        };
      }),
    )
    .returning(['attempts', 'window_start'])
    .executeTakeFirstOrThrow();
  if (Number(row.attempts) <= rule.limit) return { allowed: true };
  const endsAt = new Date(row.window_start).getTime() + rule.windowMs;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/** Forgets every attempt of `key` (an account after its owner signed in). */
export async function forgetAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/**
 * Takes one counted attempt back (a client address after a successful login), so a shared
 * address is limited by its failures, not by how many colleagues sign in each morning.
 */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

/** Deletes the rows whose window ended before `now` (every rule's window has passed). */
export async function pruneThrottle(db: Db, now = new Date()): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<', new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString())
    .execute();
}

/** When this process last pruned (ms); pruning once a minute keeps the table small enough. */
let lastPrunedAt = 0;

async function pruneOccasionally(db: Db, now: Date): Promise<void> {
  if (now.getTime() - lastPrunedAt < MINUTE_MS) return;
  lastPrunedAt = now.getTime();
  await pruneThrottle(db, now);
}

/** Whole minutes, rounded up, for the message of a locked key. */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
