/**
 * How many long-lived streams (comment event streams) one person may hold open at once in this
 * process. Each open stream is a socket, a bus subscription and a membership check every
 * heartbeat; without a cap, one account could open thousands and exhaust the server for everyone.
 * A browser over HTTP/1.1 opens at most six connections per host anyway, so the cap never touches
 * real use (one stream per open board tab).
 */
export const COMMENT_STREAMS_PER_USER = 10;

/** Counts open streams per user and refuses one beyond the limit. */
export class StreamQuota {
  readonly #open = new Map<string, number>();

  constructor(
    /** Streams one user may hold at once. */
    readonly limit: number,
  ) {}

  /**
   * Takes one slot for `userId`: a release function (safe to call more than once), or null when
   * the user already holds `limit` streams.
   */
  acquire(userId: string): (() => void) | null {
    const open = this.#open.get(userId) ?? 0;
    if (open >= this.limit) return null;
    this.#open.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#open.get(userId) ?? 1) - 1;
      if (left > 0) this.#open.set(userId, left);
      else this.#open.delete(userId);
    };
  }

  /** Streams `userId` holds now. */
  openFor(userId: string): number {
    return this.#open.get(userId) ?? 0;
  }
}

/** The process-wide quota of comment event streams. */
export const commentStreamQuota = new StreamQuota(COMMENT_STREAMS_PER_USER);
