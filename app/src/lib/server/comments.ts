/**
 * Comment threads on plans: stored in the database (tables `comment_threads`, `comments`,
 * `comment_mentions`, `comment_reads`), never in the plan's Y.Doc, so the server decides every
 * write: who may comment, that people edit and delete only their own comments, that mentions
 * name members. Every function takes the plan the caller was already checked against and refuses
 * a thread or comment of another plan as not found.
 */
import { can, COMMENT_BODY_MAX_LENGTH, type Role } from '@prozesswerkstatt/contract';
import { cleanMultiline } from '@prozesswerkstatt/plan-model';
import { getContribution } from '@prozesswerkstatt/storage';
import { contributionIdOf, parseAnchor, type CommentAnchor } from '../comments/anchor.js';
import { mentionedIds } from '../comments/body.js';
import type { Db } from './db.js';
import { newId } from './tokens.js';

/** The plan a comment call is made in (from `requirePlanPermission`). */
export interface CommentPlan {
  id: string;
  docName: string;
}

import type { CommentView, ThreadView } from '../comments/thread-view.js';

export type { CommentView, ThreadView };

/** Why a comment call was refused. */
export type CommentRefusal = 'not_found' | 'forbidden' | 'invalid';

/** The database's clock is not used: timestamps are written here so reads compare like for like. */
function now(): string {
  return new Date().toISOString();
}

/** A trimmed body within bounds, or null. */
export function normalizeBody(body: unknown): string | null {
  if (typeof body !== 'string') return null;
  const trimmed = cleanMultiline(body).trim();
  return trimmed.length > 0 && trimmed.length <= COMMENT_BODY_MAX_LENGTH ? trimmed : null;
}

/** The members of `planId` among `userIds`. */
async function membersAmong(db: Db, planId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('plan_members')
    .select('user_id')
    .where('plan_id', '=', planId)
    .where('user_id', 'in', userIds)
    .execute();
  return rows.map((row) => row.user_id);
}

/** Stores a comment and its mentions of plan members (a token naming anyone else is ignored). */
async function insertComment(
  db: Db,
  plan: CommentPlan,
  threadId: string,
  authorId: string,
  body: string,
  at: string,
): Promise<string> {
  const id = newId();
  const mentioned = await membersAmong(db, plan.id, mentionedIds(body));
  await db
    .insertInto('comments')
    .values({ id, thread_id: threadId, author_id: authorId, body, created_at: at })
    .execute();
  if (mentioned.length > 0) {
    await db
      .insertInto('comment_mentions')
      .values(mentioned.map((user_id) => ({ comment_id: id, user_id })))
      .execute();
  }
  return id;
}

/** Marks `threadId` read by `userId` up to `at` (never moves the marker back). */
export async function markThreadRead(
  db: Db,
  plan: CommentPlan,
  threadId: string,
  userId: string,
  at: string = now(),
): Promise<'ok' | CommentRefusal> {
  if ((await findThread(db, plan, threadId)) === undefined) return 'not_found';
  const current = await db
    .selectFrom('comment_reads')
    .select('last_read_at')
    .where('thread_id', '=', threadId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (current === undefined) {
    await db
      .insertInto('comment_reads')
      .values({ thread_id: threadId, user_id: userId, last_read_at: at })
      .execute();
  } else if (current.last_read_at < at) {
    await db
      .updateTable('comment_reads')
      .set({ last_read_at: at })
      .where('thread_id', '=', threadId)
      .where('user_id', '=', userId)
      .execute();
  }
  return 'ok';
}

/** Who starts a thread: the user and their role in the plan. */
export interface CommentAuthor {
  id: string;
  role: Role;
}

/**
 * Whether `role` may start a thread about `anchor` in the plan: `comments.write` always, and for a
 * contribution also `results.comment` (the stricter of the two rows decides) on a contribution
 * of this plan — one of another plan is not found, like any record of another plan.
 */
async function mayStartThread(
  db: Db,
  plan: CommentPlan,
  role: Role,
  anchor: CommentAnchor,
): Promise<'ok' | CommentRefusal> {
  if (!can(role, 'comments.write')) return 'forbidden';
  const contributionId = contributionIdOf(anchor);
  if (contributionId === null) return 'ok';
  if (!can(role, 'results.comment')) return 'forbidden';
  const contribution = await getContribution(db, plan.id, contributionId);
  return contribution === undefined ? 'not_found' : 'ok';
}

/** Opens a thread with its first comment; the author has read it. */
export async function createThread(
  db: Db,
  plan: CommentPlan,
  author: CommentAuthor,
  input: { anchor: string; body: string },
): Promise<{ threadId: string; commentId: string } | CommentRefusal> {
  const anchor = parseAnchor(input.anchor);
  const body = normalizeBody(input.body);
  if (anchor === null || body === null) return 'invalid';
  const allowed = await mayStartThread(db, plan, author.role, anchor);
  if (allowed !== 'ok') return allowed;
  const authorId = author.id;
  const threadId = newId();
  const at = now();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('comment_threads')
      .values({
        id: threadId,
        doc_name: plan.docName,
        anchor: JSON.stringify(anchor),
        status: 'open',
        created_by: authorId,
        created_at: at,
      })
      .execute();
    const commentId = await insertComment(trx, plan, threadId, authorId, body, at);
    await markThreadRead(trx, plan, threadId, authorId, at);
    return { threadId, commentId };
  });
}

function findThread(db: Db, plan: CommentPlan, threadId: string) {
  return db
    .selectFrom('comment_threads')
    .select(['id', 'created_by', 'status'])
    .where('id', '=', threadId)
    .where('doc_name', '=', plan.docName)
    .executeTakeFirst();
}

/** Adds a reply to a thread of the plan (also to a resolved one, which stays resolved). */
export async function replyToThread(
  db: Db,
  plan: CommentPlan,
  authorId: string,
  input: { threadId: string; body: string },
): Promise<{ commentId: string } | CommentRefusal> {
  const body = normalizeBody(input.body);
  if (body === null) return 'invalid';
  return db.transaction().execute(async (trx) => {
    if ((await findThread(trx, plan, input.threadId)) === undefined) return 'not_found';
    const at = now();
    const commentId = await insertComment(trx, plan, input.threadId, authorId, body, at);
    await markThreadRead(trx, plan, input.threadId, authorId, at);
    return { commentId };
  });
}

/** A comment of the plan with its author, or undefined. */
function findComment(db: Db, plan: CommentPlan, commentId: string) {
  return db
    .selectFrom('comments')
    .innerJoin('comment_threads', 'comment_threads.id', 'comments.thread_id')
    .select(['comments.id', 'comments.author_id', 'comments.deleted_at', 'comments.thread_id'])
    .where('comments.id', '=', commentId)
    .where('comment_threads.doc_name', '=', plan.docName)
    .executeTakeFirst();
}

/** Changes the body of one's own comment (not of a deleted one); mentions follow the new body. */
export async function editComment(
  db: Db,
  plan: CommentPlan,
  userId: string,
  input: { commentId: string; body: string },
): Promise<{ threadId: string } | CommentRefusal> {
  const body = normalizeBody(input.body);
  if (body === null) return 'invalid';
  return db.transaction().execute(async (trx) => {
    const comment = await findComment(trx, plan, input.commentId);
    if (comment === undefined || comment.deleted_at !== null) return 'not_found';
    if (comment.author_id !== userId) return 'forbidden';
    const mentioned = await membersAmong(trx, plan.id, mentionedIds(body));
    await trx
      .updateTable('comments')
      .set({ body, edited_at: now() })
      .where('id', '=', comment.id)
      .execute();
    await trx.deleteFrom('comment_mentions').where('comment_id', '=', comment.id).execute();
    if (mentioned.length > 0) {
      await trx
        .insertInto('comment_mentions')
        .values(mentioned.map((user_id) => ({ comment_id: comment.id, user_id })))
        .execute();
    }
    return { threadId: comment.thread_id };
  });
}

/**
 * Deletes one's own comment: the body and mentions go, the row stays so the thread shows "deleted"
 * in place. Nobody may delete another's comment, facilitators neither: a facilitator resolves a
 * thread instead, so what someone said is never silently removed by someone else.
 */
export async function deleteComment(
  db: Db,
  plan: CommentPlan,
  userId: string,
  commentId: string,
): Promise<{ threadId: string } | CommentRefusal> {
  return db.transaction().execute(async (trx) => {
    const comment = await findComment(trx, plan, commentId);
    if (comment === undefined || comment.deleted_at !== null) return 'not_found';
    if (comment.author_id !== userId) return 'forbidden';
    await trx
      .updateTable('comments')
      .set({ body: '', deleted_at: now() })
      .where('id', '=', comment.id)
      .execute();
    await trx.deleteFrom('comment_mentions').where('comment_id', '=', comment.id).execute();
    return { threadId: comment.thread_id };
  });
}

/** Resolves or reopens a thread: its starter may, and a moderator (`comments.moderate`) any thread. */
export async function setThreadStatus(
  db: Db,
  plan: CommentPlan,
  user: { id: string; role: Role },
  input: { threadId: string; status: 'open' | 'resolved' },
): Promise<'ok' | CommentRefusal> {
  const thread = await findThread(db, plan, input.threadId);
  if (thread === undefined) return 'not_found';
  if (thread.created_by !== user.id && !can(user.role, 'comments.moderate')) return 'forbidden';
  await db
    .updateTable('comment_threads')
    .set({ status: input.status, resolved_at: input.status === 'resolved' ? now() : null })
    .where('id', '=', thread.id)
    .execute();
  return 'ok';
}

/** Every thread of the plan, oldest first, with unread counts and mentions for `viewerId`. */
export async function listThreads(
  db: Db,
  plan: CommentPlan,
  viewerId: string,
): Promise<ThreadView[]> {
  const threads = await db
    .selectFrom('comment_threads')
    .leftJoin('comment_reads', (join) =>
      join
        .onRef('comment_reads.thread_id', '=', 'comment_threads.id')
        .on('comment_reads.user_id', '=', viewerId),
    )
    .select([
      'comment_threads.id',
      'comment_threads.anchor',
      'comment_threads.status',
      'comment_threads.created_by',
      'comment_threads.created_at',
      'comment_threads.resolved_at',
      'comment_reads.last_read_at',
    ])
    .where('comment_threads.doc_name', '=', plan.docName)
    .orderBy('comment_threads.created_at')
    .orderBy('comment_threads.id')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('comment_threads', 'comment_threads.id', 'comments.thread_id')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .leftJoin('comment_mentions', (join) =>
      join
        .onRef('comment_mentions.comment_id', '=', 'comments.id')
        .on('comment_mentions.user_id', '=', viewerId),
    )
    .select([
      'comments.id',
      'comments.thread_id',
      'comments.author_id',
      'users.name',
      'comments.body',
      'comments.created_at',
      'comments.edited_at',
      'comments.deleted_at',
      'comment_mentions.user_id as mentioned',
    ])
    .where('comment_threads.doc_name', '=', plan.docName)
    .orderBy('comments.created_at')
    .orderBy('comments.id')
    .execute();

  const views: ThreadView[] = [];
  for (const thread of threads) {
    const anchor = parseAnchor(thread.anchor);
    if (anchor === null) continue; // written by this module only; never expected
    const own = comments.filter((c) => c.thread_id === thread.id);
    const lastRead = thread.last_read_at;
    views.push({
      id: thread.id,
      anchor,
      status: thread.status,
      createdBy: thread.created_by,
      createdAt: thread.created_at,
      resolvedAt: thread.resolved_at,
      comments: own.map((c) => ({
        id: c.id,
        authorId: c.author_id,
        authorName: c.name,
        body: c.deleted_at === null ? c.body : '',
        createdAt: c.created_at,
        editedAt: c.edited_at,
        deleted: c.deleted_at !== null,
      })),
      unreadCount: own.filter(
        (c) =>
          c.author_id !== viewerId &&
          c.deleted_at === null &&
          (lastRead === null || c.created_at > lastRead),
      ).length,
      mentionsMe: own.some((c) => c.mentioned !== null && c.deleted_at === null),
    });
  }
  return views;
}
