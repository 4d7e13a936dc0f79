import { sql } from 'kysely';
import {
  DECISIONS_WITHOUT_REASON,
  type ContributionChannel,
  type Decision,
} from '../schema/results-values.js';
import type { Executor } from './context.js';
import { berlinToday, isSplit } from './list.js';

/** The live overview of a plan's results. */
export interface Coverage {
  /** Items to answer: every contribution except originals split into parts. */
  total: number;
  byChannel: Partial<Record<ContributionChannel, number>>;
  /** Accepted themes only (suggestions wait for a person); items per theme id. */
  byTheme: Record<string, number>;
  /** Per decision; `none` counts items without one. */
  byDecision: Partial<Record<Decision | 'none', number>>;
  withoutDecision: number;
  /** With a decision that needs a reason, but none given. */
  withoutReason: number;
  /** Past their due date (Berlin) without a decision. */
  overdue: number;
}

/**
 * Counts for the coverage overview, each one grouped query. A split original does not count
 * (its parts do): it is answered through them.
 */
export async function coverage(
  db: Executor,
  planId: string,
  today = berlinToday(),
): Promise<Coverage> {
  const items = db
    .selectFrom('contributions')
    .leftJoin('replies as r', 'r.contribution_id', 'contributions.id')
    .where('contributions.plan_id', '=', planId)
    .where((eb) => eb.not(isSplit(eb)));

  const channels = await items
    .select(['contributions.channel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('contributions.channel')
    .execute();
  const decisions = await items
    .select(['r.decision', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.decision')
    .execute();
  const themes = await items
    .innerJoin('contribution_themes as t', 't.contribution_id', 'contributions.id')
    .where('t.suggested', '=', 0)
    .select(['t.theme_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('t.theme_id')
    .execute();
  const counts = await items
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when r.decision is not null and r.decision not in (${sql.join(
        DECISIONS_WITHOUT_REASON.map((d) => sql.lit(d)),
      )}) and r.reason = '' then 1 else 0 end)`.as('without_reason'),
      sql<number>`sum(case when r.decision is null and contributions.due_date < ${today} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .executeTakeFirstOrThrow();

  const byDecision: Coverage['byDecision'] = {};
  let withoutDecision = 0;
  for (const row of decisions) {
    byDecision[row.decision ?? 'none'] = Number(row.n);
    if (row.decision === null) withoutDecision = Number(row.n);
  }
  return {
    total: Number(counts.total),
    byChannel: Object.fromEntries(channels.map((row) => [row.channel, Number(row.n)])),
    byTheme: Object.fromEntries(themes.map((row) => [row.theme_id, Number(row.n)])),
    byDecision,
    withoutDecision,
    withoutReason: Number(counts.without_reason ?? 0),
    overdue: Number(counts.overdue ?? 0),
  };
}

/** What keeps a plan's answers from being released; releasable when both are 0. */
export interface ReleaseBlockers {
  withoutDecision: number;
  withoutReason: number;
}

/**
 * The release rule: every item (split originals excepted) has a decision, and a reason unless
 * the decision is "adopted".
 */
export async function releaseBlockers(db: Executor, planId: string): Promise<ReleaseBlockers> {
  const { withoutDecision, withoutReason } = await coverage(db, planId);
  return { withoutDecision, withoutReason };
}
