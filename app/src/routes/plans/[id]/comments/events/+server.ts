/**
 * Server-Sent Events for one plan's comments (viewer and above): one `comment` event per change
 * (`{ threadId, reason, actorId }`, no content: the board refetches what it may see), a comment
 * line every 20 s so proxies keep the connection, and `retry` for the browser's own reconnect.
 * The board refetches all threads whenever the stream (re)opens, so nothing missed is lost.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { commentEvents, trackStream } from '$lib/server/comment-events';
import { getDatabase } from '$lib/server/db';
import { checkMember } from '$lib/server/membership';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 20_000;

export const GET: RequestHandler = async ({ locals, params, request }) => {
  const result = await checkMember(await getDatabase(), locals.user, params.id, 'viewer');
  if (!result.ok) error(result.status, m.errors_plan_not_found());
  const planId = result.plan.id;
  const encoder = new TextEncoder();
  let stop = (): void => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop(); // the stream is closed already
        }
      };
      const unsubscribe = commentEvents().subscribe(planId, (event) =>
        send(
          `event: comment\ndata: ${JSON.stringify({
            threadId: event.threadId,
            reason: event.reason,
            actorId: event.actorId,
          })}\n\n`,
        ),
      );
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const untrack = trackStream(end);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        untrack();
      };
      request.signal.addEventListener('abort', end);
      send('retry: 3000\n: open\n\n');
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};
