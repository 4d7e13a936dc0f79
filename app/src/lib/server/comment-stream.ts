/**
 * The body of a plan's comment event stream (routes/plans/[id]/comments/events): one `comment`
 * event per change (`{ threadId, reason, actorId }`), see {@link openPlanEventStream}.
 */
import { commentEvents, type CommentEvent, type CommentEventBus } from './comment-events.js';
import { openPlanEventStream } from './plan-event-stream.js';

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
  bus = commentEvents(),
  ...options
}: CommentStreamOptions): ReadableStream<Uint8Array> {
  return openPlanEventStream<CommentEvent>({
    ...options,
    bus,
    eventName: 'comment',
    logName: 'comment events',
    payload: (event) => ({
      threadId: event.threadId,
      reason: event.reason,
      actorId: event.actorId,
    }),
  });
}
