/** Route id prefixes that need a signed-in account; everything else is public. */
export const PROTECTED_ROUTES = [
  '/plans',
  '/admin',
  '/invite',
  '/inbox',
  '/account',
  '/methods',
] as const;

/** True when the route `routeId` needs a signed-in account. */
export function isProtectedRoute(routeId: string | null): boolean {
  return (
    routeId !== null &&
    PROTECTED_ROUTES.some((prefix) => routeId === prefix || routeId.startsWith(`${prefix}/`))
  );
}

/** Placeholder origin for resolving a return path; never contacted. */
const PROBE_ORIGIN = 'http://return-path.invalid';

/** Longest return path kept; ours are far shorter, longer ones are dropped rather than echoed. */
const NEXT_MAX_LENGTH = 2000;

/** How many layers of percent-encoding are looked through when checking a return path. */
const DECODE_LAYERS = 3;

/**
 * True when `path` (one decoding layer of the candidate) could be read by a browser or by a
 * later resolution as another host or scheme: it must start with exactly one slash, and carry
 * no backslash (browsers read it as a slash) and no control character (the URL parser drops
 * TAB and newlines, so `/<TAB>/host` becomes `//host`).
 */
function looksForeign(path: string): boolean {
  return (
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.includes('\\') ||
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    /[\u0000-\u001f\u007f]/.test(path)
  );
}

/** `value` and its percent-decoded forms (up to {@link DECODE_LAYERS}), or null if undecodable. */
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let layer = 0; layer < DECODE_LAYERS; layer++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) break;
    forms.push(decoded);
    current = decoded;
  }
  return forms;
}

/** The path, query and fragment `next` resolves to on the probe origin, or null off it. */
function resolveOnSite(next: string): string | null {
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A same-site path to return to after login or registration, or '/' when `next` is missing or
 * could lead anywhere else. The one normaliser for `next` on both pages' loads and actions.
 *
 * Every decoded form of the candidate must look like a plain path (no `//`, `/\`, encoded
 * variants such as `%2F%2F` or `%5C`, no control characters), resolve on the same origin, and
 * its resolution must pass the same checks again: `/..//host` resolves to
 * `//host`, which a browser reads as another host, so a path that changes shape under
 * resolution is refused rather than cleaned.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > NEXT_MAX_LENGTH) return '/';
  const forms = decodedForms(next);
  if (forms === null || !forms.every(staysOnSite)) return '/';
  const resolved = resolveOnSite(next);
  // Stable under a second resolution, so whatever the redirect's reader does, it stays here.
  return resolved !== null && resolveOnSite(resolved) === resolved ? resolved : '/';
}

/** True when `path` and what it resolves to both look like plain paths on this site. */
function staysOnSite(path: string): boolean {
  if (looksForeign(path)) return false;
  const resolved = resolveOnSite(path);
  if (resolved === null) return false;
  const forms = decodedForms(resolved);
  return forms !== null && !forms.some(looksForeign);
}
