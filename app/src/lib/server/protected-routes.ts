/** Route id prefixes that need a signed-in account; everything else is public. */
export const PROTECTED_ROUTES = ['/plans', '/admin', '/invite', '/inbox', '/account'] as const;

/** True when the route `routeId` needs a signed-in account. */
export function isProtectedRoute(routeId: string | null): boolean {
  return (
    routeId !== null &&
    PROTECTED_ROUTES.some((prefix) => routeId === prefix || routeId.startsWith(`${prefix}/`))
  );
}

/** Placeholder origin for resolving a return path; never contacted. */
const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * A same-site path to return to after login (path, query and fragment of `next`), or '/' when
 * `next` is missing or would lead to another site. Resolved with the URL parser rather than
 * prefix checks, because browsers also read `//host`, `/\host` and `/<TAB>/host` as other hosts.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
