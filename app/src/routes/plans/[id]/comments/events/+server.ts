/**
 * Server-Sent Events for one plan's comments (viewer and above), see `openCommentStream`. The
 * board refetches all threads whenever the stream (re)opens, so nothing missed is lost.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { openCommentStream } from '$lib/server/comment-stream';
import { getDatabase } from '$lib/server/db';
import { checkMember } from '$lib/server/membership';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, request }) => {
  const db = await getDatabase();
  const result = await checkMember(db, locals.user, params.id, 'viewer');
  if (!result.ok) error(result.status, m.errors_plan_not_found());
  const stream = openCommentStream({
    planId: result.plan.id,
    signal: request.signal,
    stillAllowed: async () => (await checkMember(db, locals.user, params.id, 'viewer')).ok,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};
