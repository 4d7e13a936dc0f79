import type { ContributionChannel, Decision } from '../schema/results-values.js';
import type { Executor } from './context.js';
import { personalTerms, pseudonymise } from './pseudonymise.js';
import { normalizeReceiptCode } from './receipt-code.js';

/**
 * One released answer as anyone may see it, outside the login. Built from an explicit list of
 * columns, never `selectAll`: no author name, contact, co-signer names, assignee or internal
 * state can reach a public page through it.
 */
export interface PublicAnswer {
  contributionId: string;
  channel: ContributionChannel;
  /** The calendar date it was received (YYYY-MM-DD, UTC). */
  receivedOn: string;
  pseudonym: string;
  subjectId: string | null;
  title: string;
  text: string;
  cosignerCount: number;
  decision: Decision;
  reason: string;
  response: string;
  duplicateOfId: string | null;
  measureId: string | null;
  releasedAt: string;
}

/** The public columns of a contribution and its newest released answer. */
function publicRows(db: Executor) {
  return (
    db
      .selectFrom('released_replies as rr')
      .innerJoin('contributions as c', 'c.id', 'rr.contribution_id')
      .select([
        'c.id as contributionId',
        'c.channel',
        'c.received_at',
        'c.pseudonym',
        'c.subject_id as subjectId',
        'c.title',
        'c.text',
        'c.cosigner_count as cosignerCount',
        // Read only to take them out of the words below; never returned.
        'c.author_name',
        'c.author_contact',
        'c.cosigners',
        'rr.decision',
        'rr.reason',
        'rr.response',
        'rr.duplicate_of_id as duplicateOfId',
        'rr.measure_id as measureId',
        'rr.released_at as releasedAt',
      ])
      // Only the newest release of each contribution.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('released_replies as newer')
              .select('newer.contribution_id')
              .whereRef('newer.contribution_id', '=', 'rr.contribution_id')
              .whereRef('newer.released_at', '>', 'rr.released_at'),
          ),
        ),
      )
  );
}

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicRows>['execute']>>[number];

/** The author's own names and contacts, to remove from what they and staff wrote. */
function termsOf(row: {
  author_name: string | null;
  author_contact: string | null;
  cosigners: string | null;
}): string[] {
  let cosigners: unknown = [];
  try {
    cosigners = JSON.parse(row.cosigners ?? '[]');
  } catch {
    // A damaged list names nobody; the name and contact are still removed.
  }
  const names = Array.isArray(cosigners) ? cosigners.filter((c) => typeof c === 'string') : [];
  return personalTerms({ names: [row.author_name, ...names], contacts: [row.author_contact] });
}

/**
 * A public answer without personal data: the personal columns go, and the author's names,
 * contacts and co-signers, e-mail addresses and phone numbers are taken out of the title, the
 * text and the answer (people sign their letters; staff quote them).
 */
function toPublic(row: PublicRow): PublicAnswer {
  const { received_at, author_name, author_contact, cosigners, ...rest } = row;
  const terms = termsOf({ author_name, author_contact, cosigners });
  const clean = (text: string) => pseudonymise(text, terms);
  return {
    ...rest,
    title: clean(rest.title),
    text: clean(rest.text),
    reason: clean(rest.reason),
    response: clean(rest.response),
    receivedOn: received_at.slice(0, 10),
  };
}

/** A page of a plan's released answers, oldest received first. */
export async function listPublicAnswers(
  db: Executor,
  planId: string,
  page: { limit?: number; offset?: number } = {},
): Promise<{ items: PublicAnswer[]; total: number }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  const base = publicRows(db).where('rr.plan_id', '=', planId);
  const rows = await base
    .orderBy('c.received_at')
    .orderBy('c.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await db
    .selectFrom('released_replies')
    .select((eb) => eb.fn.count<number>('contribution_id').distinct().as('total'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toPublic), total: Number(total) };
}

/** What a receipt code opens: the contribution's public fields and its answer(s) if released. */
export interface ReceiptLookup {
  planId: string;
  contributionId: string;
  channel: ContributionChannel;
  receivedOn: string;
  title: string;
  /** The released answer of the contribution itself; null while none was released. */
  answer: PublicAnswer | null;
  /** Released answers of the parts it was split into. */
  parts: PublicAnswer[];
}

/**
 * Looks a receipt code up across plans (codes are unique). Null for anything that is not a
 * stored code, without telling whether it was malformed or unknown.
 */
export async function lookupReceipt(db: Executor, typed: string): Promise<ReceiptLookup | null> {
  const code = normalizeReceiptCode(typed);
  if (code === null) return null;
  const row = await db
    .selectFrom('contributions')
    .select([
      'id',
      'plan_id',
      'channel',
      'received_at',
      'title',
      'author_name',
      'author_contact',
      'cosigners',
    ])
    .where('receipt_code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const answer = await publicRows(db).where('c.id', '=', row.id).executeTakeFirst();
  const parts = await publicRows(db)
    .where('c.parent_id', '=', row.id)
    .orderBy('c.source_ref')
    .execute();
  return {
    planId: row.plan_id,
    contributionId: row.id,
    channel: row.channel,
    receivedOn: row.received_at.slice(0, 10),
    title: pseudonymise(row.title, termsOf(row)),
    answer: answer ? toPublic(answer) : null,
    parts: parts.map(toPublic),
  };
}
