import type { Handle } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from './db.js';
import { isProtectedRoute } from './protected-routes.js';
import { redirectResponse } from './redirect-response.js';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  clearedSessionCookie,
  setSessionCookie,
  validateSession,
} from './sessions.js';

/** The login page (in the current language) that returns to `next` afterwards. */
export function loginUrl(next?: string): string {
  const base = localizeHref('/login');
  return next && next !== '/' ? `${base}?next=${encodeURIComponent(next)}` : base;
}

/**
 * Resolves the session cookie once per request into `event.locals.user`, re-sends the cookie
 * when the session slid forward, drops a cookie whose session is gone, and sends anonymous
 * visitors of protected pages to the login page. Runs after `i18n` so redirects keep the language.
 */
export const authentication: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  const token = event.cookies.get(SESSION_COOKIE);
  let sessionEnded = false;
  if (token) {
    const session = await validateSession(await getDatabase(), token);
    if (session === null) {
      sessionEnded = true;
      clearSessionCookie(event.cookies);
    } else {
      event.locals.user = session.user;
      if (session.renewed) setSessionCookie(event.cookies, token, session.expiresAt);
    }
  }

  if (event.locals.user === null && isProtectedRoute(event.route.id)) {
    // JSON endpoints answer 401 instead of an HTML redirect.
    if (event.route.id?.endsWith('/collab-token')) {
      return new Response(JSON.stringify({ error: 'not signed in' }), {
        status: 401,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      });
    }
    // Returned, not thrown, so that it passes through `securityHeaders` like every response.
    return redirectResponse(
      event,
      loginUrl(event.url.pathname + event.url.search),
      sessionEnded ? [clearedSessionCookie(event.cookies)] : [],
    );
  }
  return resolve(event);
};
