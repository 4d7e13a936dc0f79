import { sql } from 'kysely';
import { DECISIONS_WITHOUT_REASON, type ContributionChannel } from '../schema/results-values.js';
import type { Executor } from './context.js';
import { berlinToday, isSplit } from './list.js';

/**
 * The three lists behind the coverage figures: what still blocks a release (no decision; a
 * decision that needs a reason, without one) and what is past its due date without a decision.
 */
export const COVERAGE_GAPS = ['without_decision', 'without_reason', 'overdue'] as const;
export type CoverageGap = (typeof COVERAGE_GAPS)[number];

/** One item of a coverage list: enough to recognise it and open it, no personal fields. */
export interface CoverageItem {
  id: string;
  channel: ContributionChannel;
  receivedAt: string;
  pseudonym: string;
  title: string;
  /** The first 200 characters of the text (a letter may be very long). */
  textStart: string;
  dueDate: string | null;
}

/** Characters of the text a coverage list carries. */
const TEXT_START = 200;

/**
 * The items of one gap, oldest received first, at most `limit` (1–500, default 50), with how many
 * there are in all. Counted by the same rule as {@link coverage}: originals split into parts are
 * answered through their parts and never listed.
 */
export async function listCoverageItems(
  db: Executor,
  planId: string,
  gap: CoverageGap,
  options: { limit?: number; today?: string } = {},
): Promise<{ items: CoverageItem[]; total: number }> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 500);
  const today = options.today ?? berlinToday();
  let query = db
    .selectFrom('contributions')
    .leftJoin('replies as r', 'r.contribution_id', 'contributions.id')
    .where('contributions.plan_id', '=', planId)
    .where((eb) => eb.not(isSplit(eb)));
  if (gap === 'without_decision') query = query.where('r.decision', 'is', null);
  if (gap === 'without_reason') {
    query = query
      .where('r.decision', 'is not', null)
      .where('r.decision', 'not in', [...DECISIONS_WITHOUT_REASON])
      .where('r.reason', '=', '');
  }
  if (gap === 'overdue') {
    query = query.where('r.decision', 'is', null).where('contributions.due_date', '<', today);
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'contributions.id',
      'contributions.channel',
      'contributions.received_at',
      'contributions.pseudonym',
      'contributions.title',
      sql<string>`substr(contributions.text, 1, ${sql.lit(TEXT_START)})`.as('text_start'),
      'contributions.due_date',
    ])
    .orderBy('contributions.received_at')
    .orderBy('contributions.id')
    .limit(limit)
    .execute();
  return {
    total: Number(total),
    items: rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      receivedAt: row.received_at,
      pseudonym: row.pseudonym,
      title: row.title,
      textStart: row.text_start,
      dueDate: row.due_date,
    })),
  };
}
