import type { ContributionChannel, Decision, LinkKind } from '../schema/results-values.js';
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
  /** The plan element the answer says changed (ids only; the report words them). */
  linkKind: LinkKind | null;
  linkId: string | null;
  releasedAt: string;
}

/** The public columns of a contribution and its newest released answer. */
function publicRows(db: Executor) {
  return (
    db
      .selectFrom('released_replies as rr')
      .innerJoin('contributions as c', 'c.id', 'rr.contribution_id')
      .leftJoin('replies as r', 'r.contribution_id', 'rr.contribution_id')
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
        'rr.public_title',
        'rr.public_text',
        'rr.public_reason',
        'rr.public_response',
        'rr.link_kind as linkKind',
        'rr.link_id as linkId',
        // The link of rows released before storage-0013, which kept none.
        'r.link_kind as live_link_kind',
        'r.link_id as live_link_id',
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

/** The words of a released answer as they go public. */
export interface PublicWords {
  title: string;
  text: string;
  reason: string;
  response: string;
}

/**
 * The public form of a contribution's words and its answer: the author's names, contacts and
 * co-signers, e-mail addresses and phone numbers taken out of the title, the text and the answer
 * (people sign their letters; staff quote them). A release stores this form, so what it made
 * public stays as signed off.
 */
export function publicWordsOf(
  row: PublicWords & {
    author_name: string | null;
    author_contact: string | null;
    cosigners: string | null;
  },
): PublicWords {
  const terms = termsOf(row);
  const clean = (text: string) => pseudonymise(text, terms);
  return {
    title: clean(row.title),
    text: clean(row.text),
    reason: clean(row.reason),
    response: clean(row.response),
  };
}

/**
 * A public answer without personal data: the personal columns go, and the words are those stored
 * at release. Rows released before storage-0013 stored none; theirs are cleaned from the live
 * contribution (as every row was before).
 */
function toPublic(row: PublicRow): PublicAnswer {
  const {
    received_at,
    author_name,
    author_contact,
    cosigners,
    public_title,
    public_text,
    public_reason,
    public_response,
    live_link_kind,
    live_link_id,
    ...rest
  } = row;
  const snapshot =
    public_title !== null &&
    public_text !== null &&
    public_reason !== null &&
    public_response !== null
      ? { title: public_title, text: public_text, reason: public_reason, response: public_response }
      : null;
  const words = snapshot ?? publicWordsOf({ ...rest, author_name, author_contact, cosigners });
  return {
    ...rest,
    ...words,
    linkKind: snapshot ? rest.linkKind : live_link_kind,
    linkId: snapshot ? rest.linkId : live_link_id,
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
  const own = answer ? toPublic(answer) : null;
  const parts = await publicRows(db)
    .where('c.parent_id', '=', row.id)
    .orderBy('c.source_ref')
    .execute();
  return {
    planId: row.plan_id,
    contributionId: row.id,
    channel: row.channel,
    receivedOn: row.received_at.slice(0, 10),
    // As released when it was; an item not (yet) released itself shows its title cleaned now.
    title: own ? own.title : pseudonymise(row.title, termsOf(row)),
    answer: own,
    parts: parts.map(toPublic),
  };
}
