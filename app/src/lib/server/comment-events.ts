/**
 * Live comment events: "something changed in thread T of plan P". Open boards refetch the plan's
 * threads. A {@link PlanEventBus} on the Redis channel `…comments` (see `plan-events.ts`).
 */
import { appBus, PlanEventBus, type PlanEventBusOptions } from './plan-events.js';

/** What happened; `reason` lets a board announce it without refetching to find out. */
export interface CommentEvent {
  planId: string;
  threadId: string;
  reason: 'created' | 'replied' | 'edited' | 'deleted' | 'status' | 'reanchored';
  /** Who did it (a board does not announce its own user's changes). */
  actorId: string;
}

export type CommentListener = (event: CommentEvent) => void;

export type CommentEventBusOptions = PlanEventBusOptions;

export class CommentEventBus extends PlanEventBus<CommentEvent> {
  constructor(options: CommentEventBusOptions = {}) {
    super({ channel: 'comments', logName: 'comment events' }, options);
  }
}

/** The app's one comment bus, created on first use from `REDIS_URL`. */
export const commentEvents: () => CommentEventBus = appBus(
  (options) => new CommentEventBus(options),
);
