/** Options of {@link LoginRateLimiter}. */
export interface LoginRateLimitOptions {
  /** Failed attempts allowed per key within `windowMs`; default 5. */
  readonly maxFailures?: number;
  /** Length of the window, in milliseconds; default 15 minutes. */
  readonly windowMs?: number;
  /** Keys tracked at most (oldest dropped first), bounding memory under a flood; default 10 000. */
  readonly maxKeys?: number;
}

/** Whether an attempt may go ahead and, if not, for how long it stays blocked. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed logins per key (client address + email) in a fixed window and blocks the key
 * once it reaches `maxFailures`, until the window that began with its first failure ends. A
 * successful login clears the key.
 *
 * The counts live in this process's memory: a restart forgets them, and several app instances
 * each count on their own. That is enough to stop password guessing at any useful rate; a shared
 * store would be needed only for many instances.
 */
export class LoginRateLimiter {
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  /** key → failures in the current window and when the window began (ms). */
  readonly #entries = new Map<string, { failures: number; since: number }>();

  constructor(options: LoginRateLimitOptions = {}) {
    this.#maxFailures = options.maxFailures ?? 5;
    this.#windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.#maxKeys = options.maxKeys ?? 10_000;
  }

  /** Whether `key` may try now. */
  check(key: string, now = Date.now()): RateLimitVerdict {
    const entry = this.#current(key, now);
    if (entry === undefined || entry.failures < this.#maxFailures) return { allowed: true };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((entry.since + this.#windowMs - now) / 1000)),
    };
  }

  /** Counts a failed attempt of `key`. */
  recordFailure(key: string, now = Date.now()): void {
    const entry = this.#current(key, now);
    if (entry !== undefined) {
      entry.failures++;
      return;
    }
    if (this.#entries.size >= this.#maxKeys) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { failures: 1, since: now });
  }

  /** Forgets `key` (after a successful login). */
  reset(key: string): void {
    this.#entries.delete(key);
  }

  #current(key: string, now: number): { failures: number; since: number } | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined && now - entry.since >= this.#windowMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The key of one client trying one account. */
export function loginRateLimitKey(clientAddress: string, email: string): string {
  return `${clientAddress}\u0000${email.trim().toLowerCase()}`;
}

/** The limiter the login page uses (one per process, see {@link LoginRateLimiter}). */
export const loginRateLimiter = new LoginRateLimiter();
