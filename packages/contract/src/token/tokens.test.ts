import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { COLLAB_TOKEN_TTL_SECONDS } from './claims.js';
import {
  secretKey,
  signCollabToken,
  signServiceToken,
  TokenError,
  verifyCollabToken,
  verifyServiceToken,
} from './tokens.js';

const secret = 'unit-test-secret-of-at-least-32-chars!!';
const grant = { userId: 'u1', userName: 'Ana', docName: 'plans/a', role: 'editor' } as const;

/** A token signed by hand, for claims the app never signs. */
function handMade(claims: Record<string, unknown>, exp: number | string = '5m', key = secret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setExpirationTime(exp)
    .sign(secretKey(key));
}

async function refusal(promise: Promise<unknown>): Promise<TokenError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('collab tokens', () => {
  it('round-trips: what is signed verifies to the same grant', async () => {
    const now = new Date();
    const { token, expiresAt } = await signCollabToken(grant, secret, now);
    const issuedAt = Math.floor(now.getTime() / 1000);
    await expect(verifyCollabToken(token, secretKey(secret), 'plans/a')).resolves.toEqual({
      userId: 'u1',
      name: 'Ana',
      docName: 'plans/a',
      role: 'editor',
      issuedAt,
      expiresAt: issuedAt + COLLAB_TOKEN_TTL_SECONDS,
    });
    expect(Date.parse(expiresAt)).toBe((issuedAt + COLLAB_TOKEN_TTL_SECONDS) * 1000);
  });

  it('puts the claims PROTOCOL.md names on the wire: HS256, sub, name, doc, role, iat, exp', async () => {
    const { token } = await signCollabToken(grant, secret, new Date(1_700_000_000_000));
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      sub: 'u1',
      name: 'Ana',
      doc: 'plans/a',
      role: 'editor',
      iat: 1_700_000_000,
      exp: 1_700_000_000 + COLLAB_TOKEN_TTL_SECONDS,
    });
  });

  it('refuses a tampered token', async () => {
    const { token } = await signCollabToken(grant, secret);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), role: 'facilitator' }),
    ).toString('base64url');
    const tampered = await refusal(
      verifyCollabToken(`${header}.${payload}.${signature}`, secret, 'plans/a'),
    );
    expect([tampered.status, tampered.reason]).toEqual([401, 'token signature invalid']);
    const forged = await handMade({ doc: 'plans/a', role: 'editor' }, '5m', 'x'.repeat(40));
    expect((await refusal(verifyCollabToken(forged, secret, 'plans/a'))).reason).toMatch(
      /signature/,
    );
  });

  it('refuses an expired token', async () => {
    const old = new Date(Date.now() - (COLLAB_TOKEN_TTL_SECONDS + 5) * 1000);
    const { token } = await signCollabToken(grant, secret, old);
    const expired = await refusal(verifyCollabToken(token, secret, 'plans/a'));
    expect([expired.status, expired.reason]).toEqual([401, 'token expired']);
  });

  it('refuses missing, malformed, role-less and wrong-document tokens', async () => {
    expect((await refusal(verifyCollabToken(null, secret, 'plans/a'))).reason).toBe(
      'missing token',
    );
    expect((await refusal(verifyCollabToken('abc.def', secret, 'plans/a'))).status).toBe(401);
    const other = await signCollabToken({ ...grant, docName: 'plans/b' }, secret);
    const wrongDoc = await refusal(verifyCollabToken(other.token, secret, 'plans/a'));
    expect([wrongDoc.status, wrongDoc.reason]).toEqual([403, 'token does not grant this document']);
    const badRole = await handMade({ doc: 'plans/a', role: 'admin' });
    expect((await refusal(verifyCollabToken(badRole, secret, 'plans/a'))).status).toBe(403);
    const noRole = await handMade({ doc: 'plans/a' });
    expect((await refusal(verifyCollabToken(noRole, secret, 'plans/a'))).status).toBe(401);
    const badDoc = await handMade({ doc: 7, role: 'editor' });
    expect((await refusal(verifyCollabToken(badDoc, secret, 'plans/a'))).reason).toBe(
      'malformed token claims',
    );
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'u1', doc: 'plans/a', role: 'editor', exp: 9e9 }),
    ).toString('base64url')}.`;
    expect((await refusal(verifyCollabToken(none, secret, 'plans/a'))).status).toBe(401);
  });

  it('shows the account id when a token has no name', async () => {
    const jwt = await handMade({ doc: 'plans/a', role: 'viewer' });
    await expect(verifyCollabToken(jwt, secret, 'plans/a')).resolves.toMatchObject({
      name: 'u1',
      issuedAt: null,
    });
  });
});

describe('service tokens', () => {
  it('signs a one-minute HS256 token for one document, without a role', async () => {
    const token = await signServiceToken('plans/a', 'user-1', secret);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ svc: 'app', doc: 'plans/a', sub: 'user-1' });
    expect(claims.role).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it('round-trips for one document and acting user', async () => {
    const token = await signServiceToken('plans/a', 'u7', secret);
    await expect(verifyServiceToken(`Bearer ${token}`, secret, 'plans/a')).resolves.toEqual({
      userId: 'u7',
      docName: 'plans/a',
    });
  });

  it('refuses collab tokens, other documents, tampering and expiry', async () => {
    const collab = await signCollabToken(grant, secret);
    expect(
      (await refusal(verifyServiceToken(`Bearer ${collab.token}`, secret, 'plans/a'))).status,
    ).toBe(401);
    const token = await signServiceToken('plans/b', 'u7', secret);
    expect((await refusal(verifyServiceToken(`Bearer ${token}`, secret, 'plans/a'))).status).toBe(
      403,
    );
    expect((await refusal(verifyServiceToken(undefined, secret, 'plans/b'))).reason).toBe(
      'missing service token',
    );
    expect((await refusal(verifyServiceToken(`Bearer ${token}x`, secret, 'plans/b'))).reason).toBe(
      'service token invalid',
    );
    const old = await signServiceToken('plans/b', 'u7', secret, new Date(Date.now() - 120_000));
    expect((await refusal(verifyServiceToken(`Bearer ${old}`, secret, 'plans/b'))).status).toBe(
      401,
    );
    // A collab token can never reach the WebSocket with a service token's claims either.
    expect((await refusal(verifyCollabToken(token, secret, 'plans/b'))).status).toBe(401);
  });
});
