import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed, judged by its `Origin` header. Browsers always send
 * one on WebSocket handshakes, and a page of another site could otherwise open a connection with
 * a token it got hold of (cross-site WebSocket hijacking): such an origin is refused. A request
 * without `Origin` comes from a program, not a browser page; it could claim any origin it liked,
 * so refusing it would protect nothing — the token is what admits it. With no allowed origins
 * configured every origin passes (a server started without `COLLAB_ALLOWED_ORIGINS`).
 */
export function originAllowed(
  origin: string | undefined,
  allowedOrigins: readonly string[] | undefined,
): boolean {
  if (origin === undefined || !allowedOrigins || allowedOrigins.length === 0) return true;
  return allowedOrigins.includes(normalizeOrigin(origin));
}

/** `https://Example.org:443/` → `https://example.org`: origins compare as the browser sends them. */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/** Parses `COLLAB_ALLOWED_ORIGINS`: origins separated by commas or spaces. */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map(normalizeOrigin);
}

/** True for a socket address on this machine (IPv4, IPv6 and IPv4-mapped loopback). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * Who may read `/metrics` (document names, connection counts and error rates are not for the
 * public): with a token, whoever sends `Authorization: Bearer <token>` (compared in constant
 * time); without one, only clients on this machine. Returns the HTTP status to answer with.
 */
export function metricsAccess(req: IncomingMessage, token: string | undefined): 200 | 401 | 403 {
  if (token) return bearerMatches(req.headers.authorization, token) ? 200 : 401;
  return isLoopbackAddress(req.socket.remoteAddress) ? 200 : 403;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
