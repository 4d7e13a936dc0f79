import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in session and invitation tokens (256 bits: unguessable). */
export const TOKEN_BYTES = 32;

/** A fresh random token, base64url (43 characters), for a cookie or a link. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Hex SHA-256 of a token: what the database keeps, so a leaked database row cannot be replayed
 * as a cookie or link. No salt is needed: the token itself is 256 random bits.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A random id for a database row (128 bits, base64url, 22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
