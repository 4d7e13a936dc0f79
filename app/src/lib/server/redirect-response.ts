import type { RequestEvent } from '@sveltejs/kit';

/**
 * A redirect as a `Response` for a `handle` hook to return, in the three shapes SvelteKit itself
 * answers a thrown `redirect()` with: JSON for a client-side navigation's data request, JSON for
 * a `use:enhance` form action, a 303 for everything else. Why not throw `redirect()`: a redirect
 * thrown in `handle` leaves the hook chain, so the outer `securityHeaders` handle never sees the
 * response and it would go out without the headers every other response carries.
 * `setCookies` are `Set-Cookie` values to send along (a thrown redirect would have carried the
 * cookies set on `event.cookies`; a returned response does not).
 */
export function redirectResponse(
  event: Pick<RequestEvent, 'isDataRequest' | 'request'>,
  location: string,
  setCookies: readonly string[] = [],
): Response {
  const status = 303;
  const response = event.isDataRequest
    ? Response.json({ type: 'redirect', location })
    : event.request.headers.get('x-sveltekit-action') === 'true'
      ? Response.json({ type: 'redirect', status, location })
      : new Response(null, { status, headers: { Location: location } });
  for (const cookie of setCookies) response.headers.append('Set-Cookie', cookie);
  return response;
}
