/**
 * Live results events: storage's results API emits one {@link ResultEvent} per committed write;
 * this bus hands it to the SSE streams of the plan's open results pages (inbox, measures), which
 * refetch what they may see (an event carries ids only, no content). A {@link PlanEventBus} on
 * the Redis channel `…results`, so with `REDIS_URL` a write through one app instance reaches
 * pages connected to another (see `plan-events.ts`).
 */
import type { ResultEvent, ResultsContext } from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';
import { appBus, PlanEventBus, type PlanEventBusOptions } from '../plan-events.js';

export type ResultListener = (event: ResultEvent) => void;

export class ResultEventBus extends PlanEventBus<ResultEvent> {
  constructor(options: PlanEventBusOptions = {}) {
    super({ channel: 'results', logName: 'result events' }, options);
  }
}

/** The app's one results bus, created on first use from `REDIS_URL`. */
export const resultEvents: () => ResultEventBus = appBus((options) => new ResultEventBus(options));

/** What the results API needs for a write from this app: the database and the live bus. */
export function resultsContext(db: Db, events: ResultEventBus = resultEvents()): ResultsContext {
  return { db, emit: (event) => events.publish(event) };
}
