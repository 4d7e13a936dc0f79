/**
 * Server-Sent Events for one plan's comments (viewer and above), see `openCommentStream`. The
 * board refetches all threads whenever the stream (re)opens, so nothing missed is lost.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { openCommentStream } from '$lib/server/comment-stream';
import { getDatabase } from '$lib/server/db';
import { checkMember } from '$lib/server/membership';
import { COMMENT_STREAMS_PER_USER, commentStreamQuota } from '$lib/server/stream-quota';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, request }) => {
  const db = await getDatabase();
  const result = await checkMember(db, locals.user, params.id, 'comments.read');
  if (!result.ok || !locals.user) error(result.ok ? 401 : result.status, m.errors_plan_not_found());
  const release = commentStreamQuota.acquire(locals.user.id);
  if (release === null) {
    return new Response(`at most ${COMMENT_STREAMS_PER_USER} open comment streams per person\n`, {
      status: 429,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
    });
  }
  const stream = openCommentStream({
    onClose: release,
    planId: result.plan.id,
    signal: request.signal,
    stillAllowed: async () => (await checkMember(db, locals.user, params.id, 'comments.read')).ok,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};
