import type { Handle } from '@sveltejs/kit';
import { collabUrl } from './collab-token.js';

/**
 * Headers set on every response the app renders. The Content-Security-Policy of pages comes from
 * `kit.csp` in `svelte.config.js` (it needs Kit's per-request nonces); responses without one
 * (JSON endpoints, redirects) get the fallback below so they cannot be framed or run anything.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Legacy twin of `frame-ancestors 'none'` for browsers without CSP level 2.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** CSP for responses that Kit did not give one (anything that is not a rendered page). */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The page CSP's `connect-src` plus the origin browsers open the collab-server's WebSocket on
 * (`COLLAB_URL`), which is a deployment setting `kit.csp` cannot know at build time. So pages may
 * connect to their own origin and that one WebSocket origin, not to any `ws:`/`wss:` host.
 */
export function allowCollabConnections(csp: string, collabOrigin: string): string {
  return csp.replace(
    /(^|;\s*)connect-src ([^;]*)/,
    (_match, lead: string, sources: string) => `${lead}connect-src ${sources} ${collabOrigin}`,
  );
}

/** `ws://host:port` of `COLLAB_URL`; null when it is no URL (the board then cannot connect). */
function collabOrigin(): string | null {
  try {
    const origin = new URL(collabUrl()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Adds {@link SECURITY_HEADERS} and, where missing, {@link FALLBACK_CSP} to every response, and
 * the collab-server's origin to a page CSP's `connect-src`.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  const csp = response.headers.get('Content-Security-Policy');
  const collab = collabOrigin();
  if (csp === null) {
    response.headers.set('Content-Security-Policy', FALLBACK_CSP);
  } else if (collab !== null) {
    response.headers.set('Content-Security-Policy', allowCollabConnections(csp, collab));
  }
  return response;
};
