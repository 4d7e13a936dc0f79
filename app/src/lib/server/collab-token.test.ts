import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collabUrl, resolveCollabSecret } from './collab-token.js';

const SECRET = 'x'.repeat(40);

describe('collab tokens', () => {
  it('takes the secret from the environment, else from (or generated into) the data folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-secret-'));
    try {
      expect(resolveCollabSecret({ COLLAB_AUTH_SECRET: SECRET }, dir)).toBe(SECRET);
      const generated = resolveCollabSecret({}, dir);
      expect(generated.length).toBeGreaterThanOrEqual(32);
      expect((await readFile(join(dir, 'collab-auth-secret'), 'utf8')).trim()).toBe(generated);
      expect((await stat(join(dir, 'collab-auth-secret'))).mode & 0o077).toBe(0);
      expect(resolveCollabSecret({}, dir)).toBe(generated);
      expect(() => resolveCollabSecret({ COLLAB_AUTH_SECRET: 'short' }, dir)).toThrow(/shorter/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives the collab URL from COLLAB_URL or the local default', () => {
    expect(collabUrl({ COLLAB_URL: 'wss://collab.example.org' })).toBe('wss://collab.example.org');
    expect(collabUrl({})).toBe('ws://127.0.0.1:1234');
  });
});
