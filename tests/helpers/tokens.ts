import { signServiceToken as signAppServiceToken } from '@prozesswerkstatt/contract/token';
import { SignJWT } from 'jose';

/** A secret of the required length for tests; never used outside them. */
export const testSecret = 'test-secret-of-at-least-thirty-two-characters';

/** Claims of a collab token; `expiresIn` is a jose time span such as `5m` or a negative number of seconds. */
export interface TokenClaims {
  sub?: string;
  name?: string;
  doc: string;
  role: string;
  expiresIn?: string | number;
  /** `iat` in seconds since the epoch; default now, as the app sets it. */
  issuedAt?: number;
}

/**
 * Signs a collab-server token with any claims, also ones the app never signs (unknown roles,
 * expired), for refusal tests; the app's own signing is `signCollabToken` in the contract.
 */
export async function signToken(claims: TokenClaims, secret = testSecret): Promise<string> {
  const { sub = 'user-1', name = 'Test User', doc, role, expiresIn = '10m' } = claims;
  const jwt = new SignJWT({ name, doc, role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt(claims.issuedAt ?? Math.floor(Date.now() / 1000));
  if (typeof expiresIn === 'number') {
    jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  } else {
    jwt.setExpirationTime(expiresIn);
  }
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Signs a service token for the collab-server's internal API, exactly as the app does. */
export function signServiceToken(
  doc: string,
  sub = 'user-1',
  secret = testSecret,
): Promise<string> {
  return signAppServiceToken(doc, sub, secret);
}
