import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/database.js';

/**
 * "Something changed in the results of plan P". Emitted once per committed write, after the
 * commit, so an open results board refetches what `ids` name. It carries no content, so nothing a
 * member may not see travels through it (the same rule as the comment events).
 */
export interface ResultEvent {
  planId: string;
  kind: 'contribution' | 'reply' | 'theme' | 'cluster' | 'template' | 'release' | 'measure';
  reason: 'created' | 'updated' | 'deleted' | 'imported' | 'released';
  /** The rows concerned (contribution ids for replies and tags); capped, empty for imports. */
  ids: string[];
  /** Who did it (a board does not announce its own user's changes); null for the server. */
  actorId: string | null;
}

/** What every results function works with. */
export interface ResultsContext {
  readonly db: Kysely<Database>;
  /** Called after each committed write (the app publishes it to open boards). */
  readonly emit?: (event: ResultEvent) => void;
  /** The current time as ISO-8601 (tests fix it). */
  readonly now?: () => string;
}

/** A connection or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** The person acting, recorded as created_by / updated_by / changed_by. */
export type ActorId = string;

export function nowOf(ctx: ResultsContext): string {
  return ctx.now ? ctx.now() : new Date().toISOString();
}

/** Most ids an event lists; a larger change says "refetch everything". */
const EVENT_ID_LIMIT = 100;

export function emit(ctx: ResultsContext, event: ResultEvent): void {
  if (!ctx.emit) return;
  const ids = event.ids.length > EVENT_ID_LIMIT ? [] : event.ids;
  try {
    ctx.emit({ ...event, ids });
  } catch {
    // A listener's failure must not turn a committed write into an error for the writer.
  }
}

/** Today's calendar date (YYYY-MM-DD) of `iso`, in UTC. */
export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}
