import type { Transaction } from 'kysely';
import type { Database } from '../schema/database.js';
import type { Decision, LinkKind } from '../schema/results-values.js';
import { ResultsConflictError } from './errors.js';

/** The fields of an answer as written (after validation). */
export interface ReplyFields {
  decision?: Decision | null | undefined;
  reason?: string | undefined;
  response?: string | undefined;
  linkKind?: LinkKind | null | undefined;
  linkId?: string | null | undefined;
  measureId?: string | null | undefined;
  duplicateOfId?: string | null | undefined;
}

/**
 * Writes the answer of one contribution and its history entry, inside the caller's transaction.
 * `expectedVersion`: the reply version the writer read (null: they saw no reply yet; undefined:
 * no check, for imports and the server's own moves). Fields left undefined keep their value.
 * A contribution still new or in review counts as answered once it has a decision.
 * Returns the reply's new version.
 */
export async function writeReply(
  trx: Transaction<Database>,
  planId: string,
  contributionId: string,
  fields: ReplyFields,
  actor: string,
  now: string,
  options: { expectedVersion?: number | null; clusterId?: string | null } = {},
): Promise<number> {
  const current = await trx
    .selectFrom('replies')
    .selectAll()
    .where('contribution_id', '=', contributionId)
    .executeTakeFirst();
  const expected = options.expectedVersion;
  if (expected !== undefined && (current?.row_version ?? null) !== expected) {
    throw new ResultsConflictError('reply', contributionId, current?.row_version ?? null);
  }
  const next = {
    decision: fields.decision === undefined ? (current?.decision ?? null) : fields.decision,
    reason: fields.reason ?? current?.reason ?? '',
    response: fields.response ?? current?.response ?? '',
    link_kind: fields.linkKind === undefined ? (current?.link_kind ?? null) : fields.linkKind,
    link_id: fields.linkId === undefined ? (current?.link_id ?? null) : fields.linkId,
    measure_id: fields.measureId === undefined ? (current?.measure_id ?? null) : fields.measureId,
    duplicate_of_id:
      fields.duplicateOfId === undefined
        ? (current?.duplicate_of_id ?? null)
        : fields.duplicateOfId,
    cluster_id: options.clusterId === undefined ? (current?.cluster_id ?? null) : options.clusterId,
  };
  const version = (current?.row_version ?? 0) + 1;
  if (current) {
    // The version check again in the statement: a concurrent writer between the read and this
    // update (PostgreSQL read committed) leaves it without a row, which is a conflict.
    const updated = await trx
      .updateTable('replies')
      .set({ ...next, row_version: version, updated_by: actor, updated_at: now })
      .where('contribution_id', '=', contributionId)
      .where('row_version', '=', current.row_version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new ResultsConflictError('reply', contributionId, null);
    }
  } else {
    // A concurrent first answer makes this insert fail on the primary key: also a conflict.
    try {
      await trx
        .insertInto('replies')
        .values({
          ...next,
          contribution_id: contributionId,
          plan_id: planId,
          row_version: version,
          updated_by: actor,
          updated_at: now,
        })
        .execute();
    } catch (error) {
      throw Object.assign(new ResultsConflictError('reply', contributionId, null), {
        cause: error,
      });
    }
  }
  await trx
    .insertInto('reply_history')
    .values({
      ...next,
      plan_id: planId,
      contribution_id: contributionId,
      row_version: version,
      changed_by: actor,
      changed_at: now,
    })
    .execute();
  if (next.decision !== null) {
    await trx
      .updateTable('contributions')
      .set((eb) => ({ state: 'answered', row_version: eb('row_version', '+', 1) }))
      .where('id', '=', contributionId)
      .where('state', 'in', ['new', 'in_review', 'published'])
      .execute();
  }
  return version;
}

/** Rows per statement of {@link writeFirstReplies} (15 columns: well under SQL's bind limits). */
const FIRST_REPLY_CHUNK = 200;

/**
 * Writes the first answer of many contributions that have none yet (an import's new rows), as
 * {@link writeReply} would one by one — reply version 1, its history entry, "answered" for those
 * with a decision — but a chunk of rows per statement: the import of 5,000 answered proposals
 * took 14.7 s with four statements per row on the loaded 2-core machine (docs/benchmarks.md).
 */
export async function writeFirstReplies(
  trx: Transaction<Database>,
  planId: string,
  entries: readonly { contributionId: string; fields: ReplyFields }[],
  actor: string,
  now: string,
): Promise<void> {
  for (let start = 0; start < entries.length; start += FIRST_REPLY_CHUNK) {
    const chunk = entries.slice(start, start + FIRST_REPLY_CHUNK).map((entry) => ({
      contributionId: entry.contributionId,
      next: {
        decision: entry.fields.decision ?? null,
        reason: entry.fields.reason ?? '',
        response: entry.fields.response ?? '',
        link_kind: entry.fields.linkKind ?? null,
        link_id: entry.fields.linkId ?? null,
        measure_id: entry.fields.measureId ?? null,
        duplicate_of_id: entry.fields.duplicateOfId ?? null,
        cluster_id: null,
      },
    }));
    await trx
      .insertInto('replies')
      .values(
        chunk.map(({ contributionId, next }) => ({
          ...next,
          contribution_id: contributionId,
          plan_id: planId,
          row_version: 1,
          updated_by: actor,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto('reply_history')
      .values(
        chunk.map(({ contributionId, next }) => ({
          ...next,
          plan_id: planId,
          contribution_id: contributionId,
          row_version: 1,
          changed_by: actor,
          changed_at: now,
        })),
      )
      .execute();
    const decided = chunk
      .filter(({ next }) => next.decision !== null)
      .map(({ contributionId }) => contributionId);
    if (decided.length > 0) {
      await trx
        .updateTable('contributions')
        .set((eb) => ({ state: 'answered', row_version: eb('row_version', '+', 1) }))
        .where('id', 'in', decided)
        .where('state', 'in', ['new', 'in_review', 'published'])
        .execute();
    }
  }
}
