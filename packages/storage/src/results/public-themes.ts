import type { Executor } from './context.js';

/** A theme on a released answer, as the public page names it. */
export interface PublicTheme {
  contributionId: string;
  themeId: string;
  /** The theme's label (written by staff; no personal data). */
  label: string;
}

/**
 * The accepted themes of the given contributions of `planId`, for contributions with a released
 * answer only: suggestions nobody accepted stay internal, and so does the tagging of anything not
 * yet released. Ordered by label, so a page lists them the same way every time.
 */
export async function listPublicThemes(
  db: Executor,
  planId: string,
  contributionIds: readonly string[],
): Promise<PublicTheme[]> {
  if (contributionIds.length === 0) return [];
  const rows = await db
    .selectFrom('contribution_themes as ct')
    .innerJoin('result_themes as t', 't.id', 'ct.theme_id')
    .select(['ct.contribution_id', 'ct.theme_id', 't.label'])
    .where('t.plan_id', '=', planId)
    .where('ct.suggested', '=', 0)
    .where('ct.contribution_id', 'in', [...contributionIds])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('released_replies as rr')
          .select('rr.contribution_id')
          .whereRef('rr.contribution_id', '=', 'ct.contribution_id')
          .where('rr.plan_id', '=', planId),
      ),
    )
    .orderBy('t.label')
    .orderBy('ct.theme_id')
    .orderBy('ct.contribution_id')
    .execute();
  return rows.map((row) => ({
    contributionId: row.contribution_id,
    themeId: row.theme_id,
    label: row.label,
  }));
}
