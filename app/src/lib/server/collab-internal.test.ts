import { describe, expect, it } from 'vitest';
import { CollabUnavailableError, collabInternalUrl, fetchSnapshot } from './collab-internal.js';

const secret = 's'.repeat(40);

describe('collab-server internal API client', () => {
  it('derives the internal address from COLLAB_URL unless COLLAB_INTERNAL_URL is set', () => {
    expect(collabInternalUrl({ COLLAB_URL: 'ws://127.0.0.1:1234' })).toBe('http://127.0.0.1:1234');
    expect(collabInternalUrl({ COLLAB_URL: 'wss://collab.example/' })).toBe(
      'https://collab.example',
    );
    expect(
      collabInternalUrl({ COLLAB_URL: 'wss://collab.example', COLLAB_INTERNAL_URL: 'http://c:9/' }),
    ).toBe('http://c:9');
  });

  it('reports an unreachable collab-server as CollabUnavailableError', async () => {
    const before = { ...process.env };
    process.env.COLLAB_INTERNAL_URL = 'http://127.0.0.1:9';
    process.env.COLLAB_AUTH_SECRET = secret;
    try {
      await expect(fetchSnapshot('plans/a', 'user-1')).rejects.toBeInstanceOf(
        CollabUnavailableError,
      );
    } finally {
      process.env = before;
    }
  });
});
