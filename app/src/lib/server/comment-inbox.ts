/**
 * The personal inbox across all plans: comments by others that mention the user, or that were
 * answers in a thread the user started or commented in (written after the user's comment).
 * Only plans the user is a member of now.
 */
import { parseAnchor, type CommentAnchor } from '../comments/anchor.js';
import type { Db } from './db.js';

/** One inbox entry. */
export interface InboxEntry {
  commentId: string;
  threadId: string;
  planId: string;
  planTitle: string;
  /** What the thread is about (null only for an anchor this version cannot read). */
  anchor: CommentAnchor | null;
  authorName: string;
  body: string;
  createdAt: string;
  /** Mentions the user (else: a reply in one of the user's threads). */
  mention: boolean;
  /** Newer than the user's last read of its thread. */
  unread: boolean;
}

/** How many entries the inbox shows (newest first). */
export const INBOX_LIMIT = 100;

/**
 * The comments that belong in `userId`'s inbox, with the user's mention and read state joined
 * (one row per comment): the conditions the list and the unread count share.
 */
function inboxComments(db: Db, userId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('comment_threads', 'comment_threads.id', 'comments.thread_id')
    .innerJoin('plans', 'plans.doc_name', 'comment_threads.doc_name')
    .innerJoin('plan_members', (join) =>
      join.onRef('plan_members.plan_id', '=', 'plans.id').on('plan_members.user_id', '=', userId),
    )
    .leftJoin('comment_mentions', (join) =>
      join
        .onRef('comment_mentions.comment_id', '=', 'comments.id')
        .on('comment_mentions.user_id', '=', userId),
    )
    .leftJoin('comment_reads', (join) =>
      join
        .onRef('comment_reads.thread_id', '=', 'comment_threads.id')
        .on('comment_reads.user_id', '=', userId),
    )
    .where('comments.author_id', '<>', userId)
    .where('comments.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('comment_mentions.user_id', 'is not', null),
        eb('comment_threads.created_by', '=', userId),
        // A reply after the user took part (what came before is not an answer to them).
        eb.exists(
          eb
            .selectFrom('comments as mine')
            .select('mine.id')
            .whereRef('mine.thread_id', '=', 'comments.thread_id')
            .where('mine.author_id', '=', userId)
            .whereRef('mine.created_at', '<', 'comments.created_at'),
        ),
      ]),
    );
}

export async function listInbox(db: Db, userId: string): Promise<InboxEntry[]> {
  const rows = await inboxComments(db, userId)
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select([
      'comments.id',
      'comments.thread_id',
      'plans.id as plan_id',
      'plans.title',
      'comment_threads.anchor',
      'users.name',
      'comments.body',
      'comments.created_at',
      'comment_mentions.user_id as mentioned',
      'comment_reads.last_read_at',
    ])
    .orderBy('comments.created_at', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(INBOX_LIMIT)
    .execute();
  return rows.map((row) => ({
    commentId: row.id,
    threadId: row.thread_id,
    planId: row.plan_id,
    planTitle: row.title,
    anchor: parseAnchor(row.anchor),
    authorName: row.name,
    body: row.body,
    createdAt: row.created_at,
    mention: row.mentioned !== null,
    unread: row.last_read_at === null || row.created_at > row.last_read_at,
  }));
}

/**
 * How many inbox entries are unread (for the header link, on every page): counted in the
 * database over all entries, not only the ones the inbox lists.
 */
export async function countUnreadInbox(db: Db, userId: string): Promise<number> {
  const row = await inboxComments(db, userId)
    .where((eb) =>
      eb.or([
        eb('comment_reads.last_read_at', 'is', null),
        eb('comments.created_at', '>', eb.ref('comment_reads.last_read_at')),
      ]),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
