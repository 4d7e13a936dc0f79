/**
 * The comments of one plan. GET: every thread (viewer and above) plus the members one may
 * mention. POST (form-encoded, so SvelteKit's CSRF origin check applies): one change, chosen by
 * `intent`; writing needs commenter or above, marking a thread read only membership. Each change
 * is announced on the comment event bus, which the board's event stream passes on.
 */
import type { Permission } from '@prozesswerkstatt/contract';
import { error, json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { commentEvents, type CommentEvent } from '$lib/server/comment-events';
import {
  createThread,
  deleteComment,
  editComment,
  listThreads,
  markThreadRead,
  replyToThread,
  setThreadStatus,
  type CommentRefusal,
} from '$lib/server/comments';
import { getDatabase } from '$lib/server/db';
import { listMembers } from '$lib/server/members';
import { checkMember } from '$lib/server/membership';
import type { RequestHandler } from './$types';

/** The plan and the caller, or a thrown 401/404/403 (no redirect: this is called by scripts). */
async function access(locals: App.Locals, planId: string, permission: Permission) {
  const db = await getDatabase();
  const result = await checkMember(db, locals.user, planId, permission);
  if (result.ok && locals.user) return { db, plan: result.plan, user: locals.user };
  if (!result.ok && result.status === 401) error(401, m.errors_plan_not_found());
  if (!result.ok && result.status === 403) error(403, m.errors_role_forbidden());
  error(404, m.errors_plan_not_found());
}

export const GET: RequestHandler = async ({ locals, params }) => {
  const { db, plan, user } = await access(locals, params.id, 'comments.read');
  const [threads, members] = await Promise.all([
    listThreads(db, plan, user.id),
    listMembers(db, plan.id, { userId: user.id, seesEmails: false }),
  ]);
  return json(
    {
      threads,
      members: members.map((member) => ({ id: member.userId, name: member.name })),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
};

const MESSAGES: Record<CommentRefusal, () => string> = {
  invalid: m.comment_error_invalid,
  forbidden: m.comment_error_forbidden,
  not_found: m.comment_error_not_found,
};
const STATUS: Record<CommentRefusal, number> = { invalid: 400, forbidden: 403, not_found: 404 };

function refuse(refusal: CommentRefusal): Response {
  return json({ error: MESSAGES[refusal]() }, { status: STATUS[refusal] });
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const POST: RequestHandler = async ({ locals, params, request }) => {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  // Only form posts: those are the requests SvelteKit's CSRF origin check covers.
  if (!FORM_TYPES.includes(type)) error(415, m.comment_error_invalid());
  const form = await request.formData();
  const intent = field(form, 'intent');
  const { db, plan, user } = await access(
    locals,
    params.id,
    intent === 'read' ? 'comments.read' : 'comments.write',
  );
  const announce = (threadId: string, reason: CommentEvent['reason']) =>
    commentEvents().publish({ planId: plan.id, threadId, reason, actorId: user.id });

  switch (intent) {
    case 'create': {
      const result = await createThread(
        db,
        plan,
        { id: user.id, role: plan.role },
        { anchor: field(form, 'anchor'), body: field(form, 'body') },
      );
      if (typeof result === 'string') return refuse(result);
      announce(result.threadId, 'created');
      return json(result, { status: 201 });
    }
    case 'reply': {
      const threadId = field(form, 'threadId');
      const result = await replyToThread(db, plan, user.id, {
        threadId,
        body: field(form, 'body'),
      });
      if (typeof result === 'string') return refuse(result);
      announce(threadId, 'replied');
      return json(result, { status: 201 });
    }
    case 'edit': {
      const result = await editComment(db, plan, user.id, {
        commentId: field(form, 'commentId'),
        body: field(form, 'body'),
      });
      if (typeof result === 'string') return refuse(result);
      announce(result.threadId, 'edited');
      return json(result);
    }
    case 'delete': {
      const result = await deleteComment(db, plan, user.id, field(form, 'commentId'));
      if (typeof result === 'string') return refuse(result);
      announce(result.threadId, 'deleted');
      return json(result);
    }
    case 'resolve':
    case 'reopen': {
      const threadId = field(form, 'threadId');
      const result = await setThreadStatus(
        db,
        plan,
        { id: user.id, role: plan.role },
        { threadId, status: intent === 'resolve' ? 'resolved' : 'open' },
      );
      if (result !== 'ok') return refuse(result);
      announce(threadId, 'status');
      return json({ threadId });
    }
    case 'read': {
      const result = await markThreadRead(db, plan, field(form, 'threadId'), user.id);
      return result === 'ok' ? json({ ok: true }) : refuse(result);
    }
    default:
      return refuse('invalid');
  }
};
