/**
 * The public receipt-code lookup (`/p/receipt`): anyone types the code from their receipt, a
 * letter or a workshop card and sees the released answer to their own contribution. Codes are
 * 10 characters from 31 (≈ 8·10^14), so guessing one is hopeless; lookups are still counted per
 * client address like login attempts (the same table and upsert), so no client can sweep codes
 * or load the database with them.
 */
import { createHash } from 'node:crypto';
import { lookupReceipt, normalizeReceiptCode, type ReceiptLookup } from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';
import { countAttempt, type ThrottleRule } from '../login-throttle.js';

/**
 * Lookups per client address within 15 minutes. High enough for a library terminal or a town
 * hall's shared address where many people check their answers; at this rate a sweep would need
 * millions of years per hit.
 */
export const RECEIPT_LOOKUP_RULE: ThrottleRule = { limit: 30, windowMs: 15 * 60 * 1000 };

/** The key counting lookups of one client address (hashed: the table holds no addresses). */
export function receiptLookupKey(clientAddress: string): string {
  return `receipt-address:${createHash('sha256').update(clientAddress).digest('hex')}`;
}

/**
 * What a lookup found. `plan` is only told once the plan has released answers, so its public
 * page always exists then.
 */
export type ReceiptOutcome =
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'malformed' }
  | { kind: 'unknown' }
  | { kind: 'found'; receipt: ReceiptLookup; plan: { id: string; title: string } };

/**
 * Counts the attempt of `clientAddress`, then looks `typed` up. A malformed code is told apart
 * (the person mistyped; no query is made, yet it is counted), an unknown one is not told from
 * one of a plan with nothing released yet: both say "no contribution with this code", with the
 * same status and without the plan, so a code does not give away an unpublished plan's title.
 */
export async function lookupReceiptCode(
  db: Db,
  clientAddress: string,
  typed: string,
  now = new Date(),
): Promise<ReceiptOutcome> {
  const verdict = await countAttempt(db, receiptLookupKey(clientAddress), RECEIPT_LOOKUP_RULE, now);
  if (!verdict.allowed) return { kind: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  if (normalizeReceiptCode(typed) === null) return { kind: 'malformed' };
  const receipt = await lookupReceipt(db, typed);
  if (receipt === null || !(await hasReleasedAnswers(db, receipt.planId))) {
    return { kind: 'unknown' };
  }
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'title'])
    .where('id', '=', receipt.planId)
    .executeTakeFirst();
  if (!plan) return { kind: 'unknown' };
  return { kind: 'found', receipt, plan: { id: plan.id, title: plan.title } };
}

/** True once any answer of the plan was released: only then is its public page shown. */
export async function hasReleasedAnswers(db: Db, planId: string): Promise<boolean> {
  const row = await db
    .selectFrom('released_replies')
    .select('contribution_id')
    .where('plan_id', '=', planId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
