import type { Executor } from './context.js';

/** What a page needs to name a contribution it links to (no personal fields). */
export interface ContributionSummary {
  id: string;
  title: string;
  /** The first characters of the text, whitespace collapsed. */
  excerpt: string;
  pseudonym: string;
  sourceRef: string | null;
  sourceUrl: string | null;
}

/** Characters of a summary's excerpt. */
const EXCERPT = 160;
/** Ids per query, below the databases' parameter limits. */
const CHUNK = 500;

/** Summaries of the given contributions of the plan (unknown ids are left out), in id order. */
export async function contributionSummaries(
  db: Executor,
  planId: string,
  ids: readonly string[],
): Promise<ContributionSummary[]> {
  const wanted = [...new Set(ids)];
  const out: ContributionSummary[] = [];
  for (let at = 0; at < wanted.length; at += CHUNK) {
    const rows = await db
      .selectFrom('contributions')
      .select(['id', 'title', 'text', 'pseudonym', 'source_ref', 'source_url'])
      .where('plan_id', '=', planId)
      .where('id', 'in', wanted.slice(at, at + CHUNK))
      .execute();
    for (const row of rows) {
      const flat = row.text.replace(/\s+/g, ' ').trim();
      out.push({
        id: row.id,
        title: row.title,
        excerpt: flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1).trimEnd()}…`,
        pseudonym: row.pseudonym,
        sourceRef: row.source_ref,
        sourceUrl: row.source_url,
      });
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
