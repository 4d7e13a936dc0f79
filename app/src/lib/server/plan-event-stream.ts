/**
 * The body of a plan's Server-Sent Events stream (comments, results): one named event per
 * change with a small JSON payload (no content: the page refetches what it may see), a heartbeat
 * comment line so proxies keep the connection, and `retry` for the browser's own reconnect.
 * Access is checked again on every heartbeat: someone removed from the plan (or whose role was
 * lowered) loses the stream within one heartbeat, and a reconnect is refused by the route's check.
 */
import type { PlanEvent, PlanEventBus } from './plan-events.js';

/** How often a heartbeat is sent (and access checked) by default. */
export const HEARTBEAT_MS = 20_000;

export interface PlanEventStreamOptions<E extends PlanEvent> {
  planId: string;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Whether the user may still see what the stream announces; it ends when not (or on error). */
  stillAllowed: () => Promise<boolean>;
  bus: PlanEventBus<E>;
  /** The SSE event name (`comment`, `result`). */
  eventName: string;
  /** What of an event the browser gets (ids and reasons only). */
  payload: (event: E) => unknown;
  /** Starts the log line of a failed access check. */
  logName: string;
  heartbeatMs?: number;
  /** Called once when the stream ends, however it ends (to free the user's stream slot). */
  onClose?: () => void;
}

export function openPlanEventStream<E extends PlanEvent>({
  planId,
  signal,
  stillAllowed,
  bus,
  eventName,
  payload,
  logName,
  heartbeatMs = HEARTBEAT_MS,
  onClose = () => {},
}: PlanEventStreamOptions<E>): ReadableStream<Uint8Array> {
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
        send(`event: ${eventName}\ndata: ${JSON.stringify(payload(event))}\n\n`),
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
          console.warn(`${logName}: membership check failed`, error);
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

/** Closers of the open event streams, ended when the process is asked to stop. */
const openStreams = new Set<() => void>();
let shutdownHooked = false;

/**
 * Tracks an open event stream so a SIGTERM/SIGINT ends it: the HTTP server's graceful shutdown
 * waits for active connections, and a stream never finishes by itself. Browsers reconnect (to
 * another instance, or this one once it is back). Returns the untrack function.
 */
function trackStream(close: () => void): () => void {
  if (!shutdownHooked) {
    shutdownHooked = true;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        for (const end of [...openStreams]) end();
      });
    }
  }
  openStreams.add(close);
  return () => openStreams.delete(close);
}
