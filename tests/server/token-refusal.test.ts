import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryUpgrade } from '../helpers/raw-socket.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signToken } from '../helpers/tokens.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.dispose());

const doc = 'plans/auth';
const at = (token?: string) =>
  `${server.url}/${doc}${token === undefined ? '' : `?token=${token}`}`;

describe('a connection is refused before the upgrade', () => {
  it('without a token', async () => {
    expect(await tryUpgrade(at())).toEqual({ status: 401, body: 'missing token' });
  });

  it('with a malformed token', async () => {
    expect(await tryUpgrade(at('not-a-jwt'))).toEqual({ status: 401, body: 'malformed token' });
  });

  it('with a token signed by another secret', async () => {
    const forged = await signToken(
      { doc, role: 'editor' },
      'some-other-secret-of-at-least-32-characters',
    );
    expect(await tryUpgrade(at(forged))).toEqual({
      status: 401,
      body: 'token signature invalid',
    });
  });

  it('with an expired token', async () => {
    const expired = await signToken({ doc, role: 'editor', expiresIn: -5 });
    expect(await tryUpgrade(at(expired))).toEqual({ status: 401, body: 'token expired' });
  });

  it('with a token for another document', async () => {
    const other = await signToken({ doc: 'plans/other', role: 'editor' });
    expect(await tryUpgrade(at(other))).toEqual({
      status: 403,
      body: 'token does not grant this document',
    });
  });

  it('with an unknown role', async () => {
    const admin = await signToken({ doc, role: 'admin' });
    expect(await tryUpgrade(at(admin))).toEqual({
      status: 403,
      body: 'token carries no valid role',
    });
  });

  it('but accepted with a valid token, and the refusals are counted', async () => {
    expect(await tryUpgrade(at(await signToken({ doc, role: 'viewer' })))).toBeNull();
    const metrics = await fetch(server.url.replace('ws:', 'http:') + '/metrics').then((r) =>
      r.text(),
    );
    expect(metrics).toMatch(/collab_errors_total\{kind="auth_refused"\} 6/);
  });
});
