/**
 * The body of a plan's comment event stream (routes/plans/[id]/comments/events): one `comment`
 * event per change (`{ threadId, reason, actorId }`, no content: the board refetches what it may
 * see), a heartbeat comment line so proxies keep the connection, and `retry` for the browser's
 * own reconnect. Membership is checked again on every heartbeat: someone removed from the plan
 * (or whose role was lowered below viewer) loses the stream within one heartbeat, and a reconnect
 * is refused by the route's check.
 */
import { commentEvents, trackStream, type CommentEventBus } from './comment-events.js';

/** How often a heartbeat is sent (and membership checked) by default. */
export const HEARTBEAT_MS = 20_000;

export interface CommentStreamOptions {
  planId: string;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Whether the user may still see the plan's comments; the stream ends when not (or on error). */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
  bus?: CommentEventBus;
  /** Called once when the stream ends, however it ends (to free the user's stream slot). */
  onClose?: () => void;
}

export function openCommentStream({
  planId,
  signal,
  stillAllowed,
  heartbeatMs = HEARTBEAT_MS,
  bus = commentEvents(),
  onClose = () => {},
}: CommentStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = (): void => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const send = (text: string) => {
        if (ended) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          end(); // the stream is closed already
        }
      };
      const unsubscribe = bus.subscribe(planId, (event) =>
        send(
          `event: comment\ndata: ${JSON.stringify({
            threadId: event.threadId,
            reason: event.reason,
            actorId: event.actorId,
          })}\n\n`,
        ),
      );
      let checking = false;
      const beat = async () => {
        if (checking) return; // a slow check: the next beat waits for it
        checking = true;
        try {
          if (await stillAllowed()) send(': ping\n\n');
          else end();
        } catch (error) {
          // Fail closed: the browser reconnects, and the route checks again.
          console.warn('comment events: membership check failed', error);
          end();
        } finally {
          checking = false;
        }
      };
      const heartbeat = setInterval(() => void beat(), heartbeatMs);
      const untrack = trackStream(end);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        untrack();
        signal.removeEventListener('abort', end);
        onClose();
        stop = () => {};
      };
      signal.addEventListener('abort', end);
      send('retry: 3000\n: open\n\n');
    },
    cancel() {
      stop();
    },
  });
}
