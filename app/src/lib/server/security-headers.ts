import type { Handle } from '@sveltejs/kit';

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

/** Adds {@link SECURITY_HEADERS} and, where missing, {@link FALLBACK_CSP} to every response. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  if (!response.headers.has('Content-Security-Policy')) {
    response.headers.set('Content-Security-Policy', FALLBACK_CSP);
  }
  return response;
};
