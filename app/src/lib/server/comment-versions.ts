/**
 * What versions and exports need of the comments: the open threads of a plan in the export's
 * shape, and a record of which threads were open when a version was saved.
 */
import { planDocumentName } from '@prozesswerkstatt/contract';
import { anchorLabel, type TitleOf } from '../comments/anchor-label.js';
import { parseAnchor } from '../comments/anchor.js';
import { decodeMentions, mentionedIds } from '../comments/body.js';
import {
  listVersionOpenThreadSnapshots,
  recordOpenThreads as recordOpenThreadsOf,
} from '@prozesswerkstatt/storage';
import type { Db } from './db.js';

/** One open thread as `@prozesswerkstatt/plan-export` takes it (`openThreads`). */
export interface ExportThread {
  anchorLabel: string;
  status: 'open' | 'resolved';
  comments: { authorName: string; body: string; at: string }[];
}

/** Ids of the open threads of the plan whose document is `docName`, oldest first. */
async function openThreadIdsOf(db: Db, docName: string): Promise<string[]> {
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
  return listThreadsForExport(db, await openThreadIdsOf(db, planDocumentName(planId)), { titleOf });
}

/** How the threads of an export are labelled. */
export interface ThreadExportOptions {
  titleOf?: TitleOf;
}

/** The threads `ids` as they are now, in the export's shape, in the order given. */
async function listThreadsForExport(
  db: Db,
  ids: readonly string[],
  { titleOf }: ThreadExportOptions = {},
): Promise<ExportThread[]> {
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
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  const snapshots = ids.flatMap((id): StoredThread[] => {
    const thread = byId.get(id);
    if (!thread) return [];
    return [
      {
        anchor: thread.anchor,
        status: thread.status,
        comments: comments
          .filter((c) => c.thread_id === id)
          .map((c) => ({ authorName: c.name, body: c.body, at: c.created_at })),
      },
    ];
  });
  return toExportThreads(db, snapshots, titleOf);
}

/**
 * The threads that were open when `versionId` was saved, as they were then (the snapshot taken
 * with the version: later edits, deletions, replies and status changes do not show), oldest
 * thread first. Mentions show the accounts' current names.
 */
export async function listVersionThreadsForExport(
  db: Db,
  versionId: string,
  { titleOf }: ThreadExportOptions = {},
): Promise<ExportThread[]> {
  const recorded = await listVersionOpenThreadSnapshots(db, versionId);
  return toExportThreads(
    db,
    recorded.map((thread) => thread.snapshot),
    titleOf,
  );
}

/** A thread with stored bodies (mention tokens), before it is put into the export's shape. */
interface StoredThread {
  anchor: string;
  status: 'open' | 'resolved';
  comments: { authorName: string; body: string; at: string }[];
}

/** Labels the anchors and decodes the mention tokens; threads with an unreadable anchor are left out. */
async function toExportThreads(
  db: Db,
  threads: readonly StoredThread[],
  titleOf: TitleOf | undefined,
): Promise<ExportThread[]> {
  const names = await mentionedNames(
    db,
    threads.flatMap((thread) => thread.comments.map((c) => c.body)),
  );
  return threads.flatMap((thread) => {
    const anchor = parseAnchor(thread.anchor);
    if (!anchor) return [];
    return [
      {
        anchorLabel: anchorLabel(anchor, titleOf),
        status: thread.status,
        comments: thread.comments.map((c) => ({
          authorName: c.authorName,
          body: decodeMentions(c.body, (userId) => names.get(userId)),
          at: c.at,
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

/** Records the plan's threads open now (with a snapshot of each) as those of `versionId`. */
export async function recordOpenThreads(
  db: Db,
  versionId: string,
  planId: string,
): Promise<number> {
  return recordOpenThreadsOf(db, versionId, planDocumentName(planId));
}

/** The ids of the threads that were open when `versionId` was saved, oldest thread first. */
export async function listVersionOpenThreads(db: Db, versionId: string): Promise<string[]> {
  const recorded = await listVersionOpenThreadSnapshots(db, versionId);
  return recorded.map((thread) => thread.threadId);
}
