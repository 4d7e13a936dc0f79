import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  COLLAB_TOKEN_TTL_SECONDS,
  collabUrl,
  issueCollabToken,
  resolveCollabSecret,
} from './collab-token.js';

const SECRET = 'x'.repeat(40);

describe('collab tokens', () => {
  it('signs the claims the collab-server verifies, expiring after 10 minutes', async () => {
    const now = new Date();
    const { token, expiresAt } = await issueCollabToken(
      { userId: 'u1', userName: 'Ada', docName: 'plans/abc', role: 'editor' },
      SECRET,
      now,
    );
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'u1', name: 'Ada', doc: 'plans/abc', role: 'editor' });
    expect(payload.exp).toBe(Math.floor(now.getTime() / 1000) + COLLAB_TOKEN_TTL_SECONDS);
    expect(Date.parse(expiresAt)).toBe((payload.exp ?? 0) * 1000);
  });

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
