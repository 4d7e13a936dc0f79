import { describe, expect, it } from 'vitest';
import { LoginRateLimiter, loginRateLimitKey } from './login-rate-limit.js';

describe('LoginRateLimiter', () => {
  it('blocks a key after 5 failures for the rest of the 15-minute window', () => {
    const limiter = new LoginRateLimiter();
    const key = loginRateLimitKey('127.0.0.1', 'A@example.org');
    const start = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(limiter.check(key, start + i).allowed).toBe(true);
      limiter.recordFailure(key, start + i);
    }
    expect(limiter.check(key, start + 60_000)).toEqual({ allowed: false, retryAfterSeconds: 840 });
    expect(limiter.check(loginRateLimitKey('127.0.0.1', 'a@example.org'), start).allowed).toBe(
      false,
    );
    expect(limiter.check(loginRateLimitKey('127.0.0.2', 'a@example.org'), start).allowed).toBe(
      true,
    );
    expect(limiter.check(key, start + 15 * 60_000).allowed).toBe(true);
  });

  it('forgets a key after a successful login', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 2 });
    limiter.recordFailure('k', 0);
    limiter.recordFailure('k', 1);
    expect(limiter.check('k', 2).allowed).toBe(false);
    limiter.reset('k');
    expect(limiter.check('k', 3).allowed).toBe(true);
  });

  it('keeps at most maxKeys keys', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 1, maxKeys: 2 });
    for (const key of ['a', 'b', 'c']) limiter.recordFailure(key, 0);
    expect(limiter.check('a', 1).allowed).toBe(true);
    expect(limiter.check('c', 1).allowed).toBe(false);
  });
});
