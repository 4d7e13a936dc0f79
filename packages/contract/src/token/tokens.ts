import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Role } from '../roles.js';
import {
  COLLAB_TOKEN_TTL_SECONDS,
  collabClaimsSchema,
  SERVICE_CLAIM,
  SERVICE_TOKEN_TTL_SECONDS,
  serviceClaimsSchema,
} from './claims.js';

/** A shared secret as text, or the key bytes {@link secretKey} made of it once. */
export type SigningKey = string | Uint8Array;

/** Turns the shared secret into the key jose expects. */
export function secretKey(secret: SigningKey): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
}

/** Why a token is refused, with the HTTP status to answer. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    /** 401 when the token is missing or invalid, 403 when it does not grant the document. */
    readonly status: 401 | 403,
    /** A short reason, safe to show to the client. */
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** What the app grants one member for one document. */
export interface CollabGrant {
  userId: string;
  userName: string;
  docName: string;
  role: Role;
}

/** A signed collab token and when it stops opening connections. */
export interface SignedCollabToken {
  token: string;
  expiresAt: string;
}

/** The verified identity behind one connection. */
export interface VerifiedCollabToken {
  /** Account id (`sub`). */
  userId: string;
  /** Display name for presence (`name`, else the account id). */
  name: string;
  /** The document the token grants, equal to the requested one. */
  docName: string;
  role: Role;
  /** Expiry as seconds since the epoch. */
  expiresAt: number;
  /**
   * Issue time (`iat`) as seconds since the epoch; null when the token has none, which counts as
   * issued before any membership change.
   */
  issuedAt: number | null;
}

/** Signs a collab token: HS256, claims `sub`, `name`, `doc`, `role`, `iat`, `exp` (10 minutes). */
export async function signCollabToken(
  grant: CollabGrant,
  secret: SigningKey,
  now = new Date(),
): Promise<SignedCollabToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const exp = issuedAt + COLLAB_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ name: grant.userName, doc: grant.docName, role: grant.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(grant.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(exp)
    .sign(secretKey(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * Verifies a collab token for one document. Only HS256 is accepted (no `alg: none`, no key
 * confusion); `sub`, `doc`, `role` and `exp` are required. Throws {@link TokenError} naming what is
 * wrong: 401 for a missing, forged, expired or malformed token, 403 for one without a valid role
 * or for another document.
 */
export async function verifyCollabToken(
  token: string | null,
  secret: SigningKey,
  requestedDoc: string,
): Promise<VerifiedCollabToken> {
  if (!token) throw new TokenError(401, 'missing token');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, secretKey(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'doc', 'role'],
    }));
  } catch (error) {
    throw new TokenError(401, describeJoseError(error));
  }
  const parsed = collabClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const onlyRole = parsed.error.issues.every((issue) => issue.path[0] === 'role');
    throw onlyRole
      ? new TokenError(403, 'token carries no valid role')
      : new TokenError(401, 'malformed token claims');
  }
  const claims = parsed.data;
  if (claims.doc !== requestedDoc) throw new TokenError(403, 'token does not grant this document');
  return {
    userId: claims.sub,
    name: claims.name ?? claims.sub,
    docName: claims.doc,
    role: claims.role,
    expiresAt: claims.exp,
    issuedAt: claims.iat ?? null,
  };
}

/** Signs a service token for document `docName`, acting for `actingUserId` (one minute). */
export async function signServiceToken(
  docName: string,
  actingUserId: string,
  secret: SigningKey,
  now = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ svc: SERVICE_CLAIM, doc: docName })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actingUserId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SERVICE_TOKEN_TTL_SECONDS)
    .sign(secretKey(secret));
}

/** Who calls the internal API, from a verified service token. */
export interface ServiceCaller {
  /** The account on whose behalf the app acts (`sub`), for logs and activity. */
  userId: string;
  /** The document the token grants (`doc`). */
  docName: string;
}

/**
 * Verifies the `Authorization: Bearer …` header of an internal call: an HS256 service token
 * (`svc: "app"`) for `requestedDoc`. Throws {@link TokenError}.
 */
export async function verifyServiceToken(
  authorization: string | undefined,
  secret: SigningKey,
  requestedDoc: string,
): Promise<ServiceCaller> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw new TokenError(401, 'missing service token');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1] as string, secretKey(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'doc', 'svc'],
    }));
  } catch {
    throw new TokenError(401, 'service token invalid');
  }
  const parsed = serviceClaimsSchema.omit({ doc: true }).safeParse(payload);
  if (!parsed.success) throw new TokenError(401, 'not a service token');
  if (payload.doc !== requestedDoc) throw new TokenError(403, 'token does not grant this document');
  return { userId: parsed.data.sub, docName: requestedDoc };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim invalid: ${error.claim}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not allowed';
  return 'malformed token';
}
