import type { Handle } from '@sveltejs/kit';

/** `Cache-Control` of everything rendered for a signed-in person. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/**
 * Whatever the app renders for a signed-in person (pages, their data requests, JSON) names plans,
 * members and comments only they may see: no cache may keep it — neither a shared proxy nor the
 * browser's own cache, from which the next person at a shared computer could bring it back with
 * the Back button after logout. A route that chose its own `Cache-Control` keeps it. Runs inside
 * `authentication`, which resolves `event.locals.user`.
 */
export const privateCaching: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  if (event.locals.user !== null && !response.headers.has('Cache-Control')) {
    response.headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
  }
  return response;
};
