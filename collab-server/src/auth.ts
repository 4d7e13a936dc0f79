import { errors, jwtVerify } from 'jose';

/** Roles in the order of what they may do; only the last two may change the plan. */
export const roles = ['viewer', 'commenter', 'editor', 'facilitator'] as const;

/** A member's role in one plan, as carried by the token. */
export type Role = (typeof roles)[number];

/** Whether a role may write the plan document. Viewers and commenters only read. */
export function canWritePlan(role: Role): boolean {
  return role === 'editor' || role === 'facilitator';
}

/** The verified identity behind one connection. */
export interface AuthContext {
  /** Account id (`sub`). */
  userId: string;
  /** Display name for presence. */
  name: string;
  /** The document name the token grants, equal to the requested one. */
  docName: string;
  role: Role;
  /** Expiry as seconds since the epoch. */
  expiresAt: number;
  /**
   * Issue time (`iat`) as seconds since the epoch; null when the token has none, which counts as
   * issued before any membership change (see `AccessRevocations`).
   */
  issuedAt: number | null;
}

/** Why a connection is refused before the upgrade, with the HTTP status to answer. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    /** 401 when the token is missing or invalid, 403 when it does not grant the document. */
    readonly status: 401 | 403,
    /** A short reason, safe to show to the client. */
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Turns the shared secret into the key jose expects. */
export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * Verifies an HS256 token for one document. Only HS256 is accepted (no `alg: none`, no key
 * confusion); `exp` is required. Throws {@link AuthError} naming what is wrong.
 */
export async function verifyToken(
  token: string | null,
  key: Uint8Array,
  requestedDoc: string,
): Promise<AuthContext> {
  if (!token) throw new AuthError(401, 'missing token');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'doc', 'role'],
    }));
  } catch (error) {
    throw new AuthError(401, describeJoseError(error));
  }
  const { sub, name, doc, role, exp, iat } = payload;
  if (typeof sub !== 'string' || typeof doc !== 'string' || typeof exp !== 'number') {
    throw new AuthError(401, 'malformed token claims');
  }
  if (!isRole(role)) throw new AuthError(403, 'token carries no valid role');
  if (doc !== requestedDoc) throw new AuthError(403, 'token does not grant this document');
  return {
    userId: sub,
    name: typeof name === 'string' ? name : sub,
    docName: doc,
    role,
    expiresAt: exp,
    issuedAt: typeof iat === 'number' ? iat : null,
  };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim invalid: ${error.claim}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not allowed';
  return 'malformed token';
}
