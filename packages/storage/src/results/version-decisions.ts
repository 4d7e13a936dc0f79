import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.js';
import type { ContributionChannel, ContributionState, Decision } from '../schema/results-values.js';

/**
 * What a version keeps of one contribution's answer when it is saved (`decision_json`), so an
 * approved version's report stays what was approved when answers change later. No personal data:
 * the pseudonym, never the name.
 */
export interface DecisionSnapshot {
  pseudonym: string;
  channel: ContributionChannel;
  subjectId: string | null;
  title: string;
  state: ContributionState;
  decision: Decision | null;
  reason: string;
  response: string;
  replyVersion: number | null;
}

/**
 * Records the answers of the plan behind document `docName` as they are now for version
 * `versionId` (contributions with an answer; read in one statement). Called where versions are
 * written, next to `recordOpenThreads`. Returns how many were recorded.
 */
export async function recordDecisions(
  db: Kysely<Database>,
  versionId: string,
  docName: string,
): Promise<number> {
  const rows = await db
    .selectFrom('contributions as c')
    .innerJoin('plans as p', 'p.id', 'c.plan_id')
    .innerJoin('replies as r', 'r.contribution_id', 'c.id')
    .select([
      'c.id',
      'c.pseudonym',
      'c.channel',
      'c.subject_id',
      'c.title',
      'c.state',
      'r.decision',
      'r.reason',
      'r.response',
      'r.row_version',
    ])
    .where('p.doc_name', '=', docName)
    .orderBy('c.id')
    .execute();
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('version_decisions')
      .values(
        rows.slice(start, start + 500).map((row) => {
          const snapshot: DecisionSnapshot = {
            pseudonym: row.pseudonym,
            channel: row.channel,
            subjectId: row.subject_id,
            title: row.title,
            state: row.state,
            decision: row.decision,
            reason: row.reason,
            response: row.response,
            replyVersion: row.row_version,
          };
          return {
            version_id: versionId,
            contribution_id: row.id,
            decision_json: JSON.stringify(snapshot),
          };
        }),
      )
      .execute();
  }
  return rows.length;
}

/** A decision recorded for a version. */
export interface VersionDecision {
  contributionId: string;
  snapshot: DecisionSnapshot;
}

/** The decisions recorded for `versionId`, by contribution id. */
export async function listVersionDecisions(
  db: Kysely<Database>,
  versionId: string,
): Promise<VersionDecision[]> {
  const rows = await db
    .selectFrom('version_decisions')
    .select(['contribution_id', 'decision_json'])
    .where('version_id', '=', versionId)
    .orderBy('contribution_id')
    .execute();
  return rows.map((row) => ({
    contributionId: row.contribution_id,
    snapshot: JSON.parse(row.decision_json) as DecisionSnapshot,
  }));
}
