import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError, canWritePlan, secretKey, verifyToken } from './auth.js';

const secret = 'unit-test-secret-of-at-least-32-chars!!';
const key = secretKey(secret);

function token(claims: Record<string, unknown>, exp: number | string = '5m', alg = 'HS256') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject('u1')
    .setExpirationTime(exp)
    .sign(key);
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('verifyToken', () => {
  it('accepts a valid token for its document', async () => {
    const jwt = await token({ doc: 'plans/a', role: 'editor', name: 'Ana' });
    await expect(verifyToken(jwt, key, 'plans/a')).resolves.toMatchObject({
      userId: 'u1',
      name: 'Ana',
      role: 'editor',
      docName: 'plans/a',
    });
  });

  it('refuses missing, malformed, forged, expired and wrong-document tokens', async () => {
    expect((await refusal(verifyToken(null, key, 'plans/a'))).reason).toBe('missing token');
    expect((await refusal(verifyToken('abc.def', key, 'plans/a'))).status).toBe(401);
    const forged = await new SignJWT({ doc: 'plans/a', role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime('5m')
      .sign(secretKey('another-secret-of-at-least-32-characters'));
    expect((await refusal(verifyToken(forged, key, 'plans/a'))).reason).toMatch(/signature/);
    const expired = await token(
      { doc: 'plans/a', role: 'editor' },
      Math.floor(Date.now() / 1000) - 10,
    );
    expect((await refusal(verifyToken(expired, key, 'plans/a'))).reason).toBe('token expired');
    const other = await token({ doc: 'plans/b', role: 'editor' });
    const wrongDoc = await refusal(verifyToken(other, key, 'plans/a'));
    expect([wrongDoc.status, wrongDoc.reason]).toEqual([403, 'token does not grant this document']);
    const badRole = await token({ doc: 'plans/a', role: 'admin' });
    expect((await refusal(verifyToken(badRole, key, 'plans/a'))).status).toBe(403);
    const noRole = await token({ doc: 'plans/a' });
    expect((await refusal(verifyToken(noRole, key, 'plans/a'))).status).toBe(401);
  });

  it('lets only editors and facilitators write', () => {
    expect(
      ['viewer', 'commenter', 'editor', 'facilitator'].map((r) => canWritePlan(r as never)),
    ).toEqual([false, false, true, true]);
  });
});
