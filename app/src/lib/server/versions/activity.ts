import { planDocumentName } from '@prozesswerkstatt/contract';
import type { ActivityKind } from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';

/** One act to log for a plan. */
export interface ActivityInput {
  planId: string;
  /** Who acted (null for the server's own acts). */
  userId: string | null;
  kind: ActivityKind;
  versionId?: string | null;
  /** A rejection reason, an export format (e.g. `docx`). */
  detail?: string | null;
}

/**
 * Appends one entry to a plan's activity log. The app logs saved, submitted, approved, rejected,
 * restored and exported; the collab-server logs joined, edited and checkpoint itself.
 */
export async function recordActivity(db: Db, input: ActivityInput): Promise<void> {
  await db
    .insertInto('plan_activity')
    .values({
      doc_name: planDocumentName(input.planId),
      user_id: input.userId,
      kind: input.kind,
      version_id: input.versionId ?? null,
      detail: input.detail ?? null,
    })
    .execute();
}

/** One entry of the activity page. */
export interface ActivityEntry {
  id: number;
  kind: ActivityKind;
  /** Display name; null for the server's own acts or a deleted account. */
  userName: string | null;
  versionId: string | null;
  versionLabel: string | null;
  detail: string | null;
  at: string;
}

/** Most recent activity of a plan first, at most `limit` entries. */
export async function listActivity(db: Db, planId: string, limit = 300): Promise<ActivityEntry[]> {
  const rows = await db
    .selectFrom('plan_activity')
    .leftJoin('users', 'users.id', 'plan_activity.user_id')
    .leftJoin('versions', 'versions.id', 'plan_activity.version_id')
    .select([
      'plan_activity.id',
      'plan_activity.kind',
      'plan_activity.detail',
      'plan_activity.version_id',
      'plan_activity.created_at',
      'users.name as user_name',
      'versions.label as version_label',
    ])
    .where('plan_activity.doc_name', '=', planDocumentName(planId))
    .orderBy('plan_activity.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    userName: row.user_name,
    versionId: row.version_id,
    versionLabel: row.version_label,
    detail: row.detail,
    at: new Date(row.created_at).toISOString(),
  }));
}

/** Who edited a plan, with the time of each recorded edit (for contributors per version). */
export async function listEdits(
  db: Db,
  planId: string,
): Promise<{ userName: string; at: string }[]> {
  const rows = await db
    .selectFrom('plan_activity')
    .innerJoin('users', 'users.id', 'plan_activity.user_id')
    .select(['users.name', 'plan_activity.created_at'])
    .where('plan_activity.doc_name', '=', planDocumentName(planId))
    .where('plan_activity.kind', '=', 'edited')
    .orderBy('plan_activity.id', 'asc')
    .execute();
  return rows.map((row) => ({ userName: row.name, at: new Date(row.created_at).toISOString() }));
}

/**
 * Names of the people who edited after `after` (exclusive; null = from the beginning) up to
 * `until` (inclusive), each once, in order of their first edit.
 */
export function contributorsBetween(
  edits: readonly { userName: string; at: string }[],
  after: string | null,
  until: string,
): string[] {
  const names = new Set<string>();
  for (const edit of edits) {
    if ((after === null || edit.at > after) && edit.at <= until) names.add(edit.userName);
  }
  return [...names];
}
