/**
 * What versions and exports need of the comments: the open threads of a plan in the export's
 * shape, and a record of which threads were open when a version was saved.
 */
import { anchorLabel, type TitleOf } from '../comments/anchor-label.js';
import { parseAnchor } from '../comments/anchor.js';
import type { Db } from './db.js';

/** One open thread as `@prozesswerkstatt/plan-export` takes it (`openThreads`). */
export interface ExportThread {
  anchorLabel: string;
  status: 'open' | 'resolved';
  comments: { authorName: string; body: string; at: string }[];
}

/** Ids of the plan's open threads, oldest first. */
async function openThreadIds(db: Db, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('comment_threads')
    .innerJoin('plans', 'plans.doc_name', 'comment_threads.doc_name')
    .select('comment_threads.id')
    .where('plans.id', '=', planId)
    .where('comment_threads.status', '=', 'open')
    .orderBy('comment_threads.created_at')
    .orderBy('comment_threads.id')
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
  const ids = await openThreadIds(db, planId);
  if (ids.length === 0) return [];
  const threads = await db
    .selectFrom('comment_threads')
    .select(['id', 'anchor', 'status'])
    .where('id', 'in', ids)
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select(['comments.thread_id', 'users.name', 'comments.body', 'comments.created_at'])
    .where('comments.thread_id', 'in', ids)
    .where('comments.deleted_at', 'is', null)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  const names = new Map(
    (
      await db
        .selectFrom('plan_members')
        .innerJoin('users', 'users.id', 'plan_members.user_id')
        .innerJoin('plans', 'plans.id', 'plan_members.plan_id')
        .select(['users.id', 'users.name'])
        .where('plans.id', '=', planId)
        .execute()
    ).map((row) => [row.id, row.name]),
  );
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  return ids.flatMap((id) => {
    const thread = byId.get(id);
    const anchor = thread && parseAnchor(thread.anchor);
    if (!thread || !anchor) return [];
    return [
      {
        anchorLabel: anchorLabel(anchor, titleOf),
        status: thread.status,
        comments: comments
          .filter((c) => c.thread_id === id)
          .map((c) => ({
            authorName: c.name,
            body: c.body.replace(/@\[([A-Za-z0-9_-]+)\]/g, (token, userId: string) =>
              names.has(userId) ? `@${names.get(userId)}` : token,
            ),
            at: c.created_at,
          })),
      },
    ];
  });
}

/** Records which of the plan's threads are open now as the open threads of `versionId`. */
export async function recordOpenThreads(
  db: Db,
  versionId: string,
  planId: string,
): Promise<number> {
  const ids = await openThreadIds(db, planId);
  if (ids.length > 0) {
    await db
      .insertInto('version_open_threads')
      .values(ids.map((thread_id) => ({ version_id: versionId, thread_id })))
      .execute();
  }
  return ids.length;
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
