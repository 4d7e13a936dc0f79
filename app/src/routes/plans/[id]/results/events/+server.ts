/**
 * Server-Sent Events for one plan's results inbox (viewer and above), see `openResultStream`.
 * The inbox reloads its page whenever an event arrives or the stream reopens.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { checkMember } from '$lib/server/membership';
import { openResultStream } from '$lib/server/results/result-stream';
import { COMMENT_STREAMS_PER_USER, StreamQuota } from '$lib/server/stream-quota';
import type { RequestHandler } from './$types';

/** Open results streams per person in this process (one per open inbox tab). */
const resultStreamQuota = new StreamQuota(COMMENT_STREAMS_PER_USER);

export const GET: RequestHandler = async ({ locals, params, request }) => {
  const db = await getDatabase();
  const result = await checkMember(db, locals.user, params.id, 'results.read');
  if (!result.ok || !locals.user) error(result.ok ? 401 : result.status, m.errors_plan_not_found());
  const release = resultStreamQuota.acquire(locals.user.id);
  if (release === null) {
    return new Response(`at most ${resultStreamQuota.limit} open results streams per person\n`, {
      status: 429,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
    });
  }
  const stream = openResultStream({
    onClose: release,
    planId: result.plan.id,
    signal: request.signal,
    stillAllowed: async () => (await checkMember(db, locals.user, params.id, 'results.read')).ok,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};
