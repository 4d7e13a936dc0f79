/**
 * Live results events: storage's results API emits one {@link ResultEvent} per committed write;
 * this bus hands it to the SSE streams of the plan's open inboxes, which refetch what they may
 * see (an event carries ids only, no content). In-process only: with several app instances an
 * inbox on another instance sees the change on its next load (the comment bus's Redis relay is
 * not shared yet).
 */
import { EventEmitter } from 'node:events';
import type { ResultEvent, ResultsContext } from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';

export type ResultListener = (event: ResultEvent) => void;

export class ResultEventBus {
  private readonly local = new EventEmitter();

  constructor() {
    // Every open inbox is one listener; the default limit of 10 would only warn.
    this.local.setMaxListeners(0);
  }

  publish(event: ResultEvent): void {
    this.local.emit(event.planId, event);
  }

  /** Calls `listener` for every event of `planId` until the returned function is called. */
  subscribe(planId: string, listener: ResultListener): () => void {
    this.local.on(planId, listener);
    return () => this.local.off(planId, listener);
  }
}

let bus: ResultEventBus | undefined;

/** The app's one results bus. */
export function resultEvents(): ResultEventBus {
  bus ??= new ResultEventBus();
  return bus;
}

/** What the results API needs for a write from this app: the database and the live bus. */
export function resultsContext(db: Db, events: ResultEventBus = resultEvents()): ResultsContext {
  return { db, emit: (event) => events.publish(event) };
}
