import { describe, expect, it } from 'vitest';
import { fetchCollabToken, parseCollabToken, parseExpiry, TokenRefusedError } from './token';

describe('collab token', () => {
  it('reads expiry as ISO, seconds or milliseconds', () => {
    expect(parseExpiry('2026-01-01T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 1));
    expect(parseExpiry(1_700_000_000)).toBe(1_700_000_000_000);
    expect(parseExpiry(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(() => parseExpiry('soon')).toThrow(/expiresAt/);
  });

  it('validates the endpoint answer', () => {
    const ok = {
      token: 't',
      url: 'ws://127.0.0.1:1234/',
      expiresAt: 1_700_000_000,
      role: 'viewer',
    };
    expect(parseCollabToken(ok)).toEqual({
      token: 't',
      url: 'ws://127.0.0.1:1234',
      expiresAt: 1_700_000_000_000,
      role: 'viewer',
    });
    expect(() => parseCollabToken({ ...ok, url: 'http://x' })).toThrow(/url/);
    expect(() => parseCollabToken({ ...ok, role: 'admin' })).toThrow(/role/);
  });

  it('turns HTTP errors into TokenRefusedError', async () => {
    const fake = (async () => new Response('no', { status: 403 })) as typeof fetch;
    await expect(fetchCollabToken('p1', fake)).rejects.toBeInstanceOf(TokenRefusedError);
  });
});
