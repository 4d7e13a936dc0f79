import type { Kysely } from 'kysely';
import type { CommentThreadStatus, Database } from './database.js';

/**
 * What a version keeps of one thread that was open when it was saved (`thread_json`): what its
 * export shows, frozen, so editing or deleting a comment later does not change an approved
 * version's export. Mention tokens are kept as stored (names are looked up when shown).
 */
export interface OpenThreadSnapshot {
  /** The thread's anchor JSON as stored then. */
  anchor: string;
  status: CommentThreadStatus;
  /** The comments not deleted then, oldest first. */
  comments: { authorId: string; authorName: string; body: string; at: string }[];
}

/**
 * Records the threads of document `docName` that are open now as the open threads of version
 * `versionId`, each with a snapshot of its comments. The threads and comments are read in one
 * statement (so a thread resolved or a comment edited at the same moment is either in or out,
 * never half). Used where versions are written: the app (named, before restore) and the
 * collab-server (checkpoints). Returns how many were recorded.
 */
export async function recordOpenThreads(
  db: Kysely<Database>,
  versionId: string,
  docName: string,
): Promise<number> {
  const rows = await db
    .selectFrom('comment_threads')
    .leftJoin('comments', (join) =>
      join
        .onRef('comments.thread_id', '=', 'comment_threads.id')
        .on('comments.deleted_at', 'is', null),
    )
    .leftJoin('users', 'users.id', 'comments.author_id')
    .select([
      'comment_threads.id as threadId',
      'comment_threads.anchor',
      'comment_threads.status',
      'comments.author_id as authorId',
      'users.name as authorName',
      'comments.body',
      'comments.created_at as at',
    ])
    .where('comment_threads.doc_name', '=', docName)
    .where('comment_threads.status', '=', 'open')
    .orderBy('comment_threads.created_at')
    .orderBy('comment_threads.id')
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();
  const threads = new Map<string, OpenThreadSnapshot>();
  for (const row of rows) {
    let thread = threads.get(row.threadId);
    if (!thread) {
      thread = { anchor: row.anchor, status: row.status, comments: [] };
      threads.set(row.threadId, thread);
    }
    if (row.authorId !== null && row.body !== null && row.at !== null) {
      thread.comments.push({
        authorId: row.authorId,
        authorName: row.authorName ?? '',
        body: row.body,
        at: row.at,
      });
    }
  }
  if (threads.size === 0) return 0;
  const result = await db
    .insertInto('version_open_threads')
    .values(
      [...threads].map(([threadId, snapshot]) => ({
        version_id: versionId,
        thread_id: threadId,
        thread_json: JSON.stringify(snapshot),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** A thread recorded for a version, with its snapshot, in the order the threads were opened. */
export interface VersionOpenThread {
  threadId: string;
  snapshot: OpenThreadSnapshot;
}

/** The threads recorded as open for `versionId`, oldest thread first. */
export async function listVersionOpenThreadSnapshots(
  db: Kysely<Database>,
  versionId: string,
): Promise<VersionOpenThread[]> {
  const rows = await db
    .selectFrom('version_open_threads')
    .innerJoin('comment_threads', 'comment_threads.id', 'version_open_threads.thread_id')
    .select(['version_open_threads.thread_id', 'version_open_threads.thread_json'])
    .where('version_open_threads.version_id', '=', versionId)
    .orderBy('comment_threads.created_at')
    .orderBy('comment_threads.id')
    .execute();
  return rows.map((row) => ({
    threadId: row.thread_id,
    snapshot: JSON.parse(row.thread_json) as OpenThreadSnapshot,
  }));
}
