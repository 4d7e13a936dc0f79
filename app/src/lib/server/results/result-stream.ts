/**
 * The body of a plan's results event stream (routes/plans/[id]/results/events): one `result`
 * event per change (`{ kind, reason, actorId }`, no content: the page refetches what it may
 * see), see {@link openPlanEventStream}.
 */
import type { ResultEvent } from '@prozesswerkstatt/storage';
import { openPlanEventStream } from '../plan-event-stream.js';
import { resultEvents, type ResultEventBus } from './result-events.js';

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
  bus = resultEvents(),
  ...options
}: ResultStreamOptions): ReadableStream<Uint8Array> {
  return openPlanEventStream<ResultEvent>({
    ...options,
    bus,
    eventName: 'result',
    logName: 'result events',
    // Row ids only, no content (an item page tells "changed by someone else" for its own item).
    payload: (event) => ({
      kind: event.kind,
      reason: event.reason,
      ids: event.ids,
      actorId: event.actorId,
    }),
  });
}
