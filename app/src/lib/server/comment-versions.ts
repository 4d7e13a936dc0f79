/**
 * What versions and exports need of the comments: the open threads of a plan in the export's
 * shape, and a record of which threads were open when a version was saved.
 */
import { anchorLabel, type TitleOf } from '../comments/anchor-label.js';
import { parseAnchor } from '../comments/anchor.js';
import { decodeMentions, mentionedIds } from '../comments/body.js';
import { recordOpenThreads as recordOpenThreadsOf } from '@prozesswerkstatt/storage';
import type { Db } from './db.js';
import { planDocName } from './plans.js';

/** One open thread as `@prozesswerkstatt/plan-export` takes it (`openThreads`). */
export interface ExportThread {
  anchorLabel: string;
  status: 'open' | 'resolved';
  comments: { authorName: string; body: string; at: string }[];
}

/** Ids of the open threads of the plan whose document is `docName`, oldest first. */
export async function openThreadIdsOf(db: Db, docName: string): Promise<string[]> {
  const rows = await db
    .selectFrom('comment_threads')
    .select('id')
    .where('doc_name', '=', docName)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The plan's open threads with their comments (deleted ones left out; mention tokens replaced by
 * `@Name`), for an export, in the current request's language. `titleOf` (from the plan document,
 * e.g. `getPhase(doc, id)?.title`) puts the element's title into the anchor label.
 */
export async function listOpenThreadsForExport(
  db: Db,
  planId: string,
  titleOf?: TitleOf,
): Promise<ExportThread[]> {
  return listThreadsForExport(db, await openThreadIdsOf(db, planDocName(planId)), { titleOf });
}

/** Which comments of the threads an export shows. */
export interface ThreadExportOptions {
  titleOf?: TitleOf;
  /** Only comments written up to this ISO time (a version's moment), shown as still open. */
  until?: string;
}

/**
 * The threads `ids` in the export's shape, in the order given. With `until`, the threads look as
 * they did then: later comments are left out and the status is the one recorded then (open).
 */
export async function listThreadsForExport(
  db: Db,
  ids: readonly string[],
  { titleOf, until }: ThreadExportOptions = {},
): Promise<ExportThread[]> {
  if (ids.length === 0) return [];
  const threads = await db
    .selectFrom('comment_threads')
    .select(['id', 'anchor', 'status'])
    .where('id', 'in', ids)
    .execute();
  let query = db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select(['comments.thread_id', 'users.name', 'comments.body', 'comments.created_at'])
    .where('comments.thread_id', 'in', ids)
    .where('comments.deleted_at', 'is', null);
  if (until !== undefined) query = query.where('comments.created_at', '<=', until);
  const comments = await query.orderBy('comments.created_at').orderBy('comments.id').execute();
  const names = await mentionedNames(
    db,
    comments.map((c) => c.body),
  );
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  return ids.flatMap((id) => {
    const thread = byId.get(id);
    const anchor = thread && parseAnchor(thread.anchor);
    if (!thread || !anchor) return [];
    return [
      {
        anchorLabel: anchorLabel(anchor, titleOf),
        status: until === undefined ? thread.status : 'open',
        comments: comments
          .filter((c) => c.thread_id === id)
          .map((c) => ({
            authorName: c.name,
            body: decodeMentions(c.body, (userId) => names.get(userId)),
            at: c.created_at,
          })),
      },
    ];
  });
}

/** The names of the accounts mentioned in `bodies`, by id. */
async function mentionedNames(db: Db, bodies: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(bodies.flatMap(mentionedIds))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Records which of the plan's threads are open now as the open threads of `versionId`. */
export async function recordOpenThreads(
  db: Db,
  versionId: string,
  planId: string,
): Promise<number> {
  return recordOpenThreadsOf(db, versionId, planDocName(planId));
}

/** The ids of the threads that were open when `versionId` was saved. */
export async function listVersionOpenThreads(db: Db, versionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('version_open_threads')
    .select('thread_id')
    .where('version_id', '=', versionId)
    .orderBy('thread_id')
    .execute();
  return rows.map((row) => row.thread_id);
}
