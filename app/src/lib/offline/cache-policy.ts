/**
 * What the service worker (`src/service-worker.ts`) may keep, decided from URLs alone so it can be
 * tested without a worker. Only two kinds of response are ever stored:
 * - the app shell: the build's own files (hashed JS/CSS chunks) and `static/` (icons), the same
 *   for every user;
 * - the HTML of a plan's board page (`/plans/<id>`, `/en/plans/<id>`) a signed-in user opened,
 *   so a reload without a network shows the board again (its content then comes from the
 *   per-user IndexedDB copy). Nothing else: no API, no token, no POST, no other page.
 */

/** What a page may ask the worker (`postMessage`). */
export type WorkerMessage =
  /** Store the board page at `url` (a board opened by client-side navigation is no navigation
   *  request the worker sees). */
  | { type: 'keep-board'; url: string }
  /** Drop every stored plan page (logout). */
  | { type: 'clear-private' };

/** The message in `data` if it is one the worker understands, else null (anything else is ignored). */
export function readWorkerMessage(data: unknown): WorkerMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, url } = data as { type?: unknown; url?: unknown };
  if (type === 'clear-private') return { type };
  if (type === 'keep-board' && typeof url === 'string') return { type, url };
  return null;
}

/** Cache names carry the build version, so a new build starts clean and drops the old ones. */
export function cacheNames(version: string): { shell: string; pages: string } {
  return { shell: `shell-${version}`, pages: `pages-${version}` };
}

/** Language prefixes the app serves besides the default (see `src/hooks.ts`). */
const BOARD_PATH = /^\/(?:en\/)?plans\/([A-Za-z0-9_-]+)\/?$/;
/** Segments under /plans that are pages of their own, not a plan id. */
const NOT_A_PLAN = new Set(['new', 'import']);

/** True when `url` is the board page of one plan on the app's own origin. */
export function isBoardPage(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  const match = BOARD_PATH.exec(url.pathname);
  return match !== null && !NOT_A_PLAN.has(match[1] ?? '');
}

/**
 * True when a navigation ended on a page that only someone signed out sees (login, register):
 * the session is gone, so the stored plan pages of whoever used it must go too.
 */
export function isSignedOutPage(url: URL, origin: string): boolean {
  return url.origin === origin && /^\/(?:en\/)?(?:login|register)\/?$/.test(url.pathname);
}

/**
 * True when a board page response may be stored: a plain 200 for the page asked for (a redirect
 * to the login means the session ended; an error page is not worth keeping).
 */
export function isStorableBoardResponse(
  response: Pick<Response, 'status' | 'redirected' | 'type'>,
): boolean {
  return response.status === 200 && !response.redirected && response.type === 'basic';
}
