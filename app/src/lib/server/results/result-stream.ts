/**
 * The body of a plan's results event stream (routes/plans/[id]/results/events): one `result`
 * event per change (`{ kind, reason, actorId }`, no content: the inbox refetches what it may
 * see), a heartbeat that re-checks membership, and `retry` for the browser's reconnect. The same
 * shape as the comment stream.
 */
import { trackStream } from '../comment-events.js';
import { resultEvents, type ResultEventBus } from './result-events.js';

export const RESULT_HEARTBEAT_MS = 20_000;

export interface ResultStreamOptions {
  planId: string;
  signal: AbortSignal;
  /** Whether the user may still read the plan's results; the stream ends when not. */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
  bus?: ResultEventBus;
  onClose?: () => void;
}

export function openResultStream({
  planId,
  signal,
  stillAllowed,
  heartbeatMs = RESULT_HEARTBEAT_MS,
  bus = resultEvents(),
  onClose = () => {},
}: ResultStreamOptions): ReadableStream<Uint8Array> {
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
          end();
        }
      };
      const unsubscribe = bus.subscribe(planId, (event) =>
        send(
          `event: result\ndata: ${JSON.stringify({
            kind: event.kind,
            reason: event.reason,
            actorId: event.actorId,
          })}\n\n`,
        ),
      );
      let checking = false;
      const beat = async () => {
        if (checking) return;
        checking = true;
        try {
          if (await stillAllowed()) send(': ping\n\n');
          else end();
        } catch (error) {
          console.warn('result events: membership check failed', error);
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
