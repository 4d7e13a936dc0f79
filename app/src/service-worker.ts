/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the board usable across a reload without a network. It stores the app shell (this
 * build's JS/CSS and `static/` files, the same for everyone) and the HTML of the plan boards the
 * signed-in user opened; the plan's content itself comes from the board's per-user IndexedDB
 * copy. Board pages are fetched from the network first and served from the cache only when the
 * network fails; a board opened by client-side navigation asks to be stored (`keepBoardOffline`).
 * What may be stored is decided in `$lib/offline/cache-policy.ts`; the stored pages are dropped
 * on logout (message from the page, and the logout's Clear-Site-Data), when a navigation goes to
 * the login page (the session ended), and with every new build.
 */
import { build, files, version } from '$service-worker';
import {
  cacheNames,
  isBoardPage,
  isSignedOutPage,
  isStorableBoardResponse,
  readWorkerMessage,
} from '$lib/offline/cache-policy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHES = cacheNames(version);
const SHELL = new Set([...build, ...files].map((path) => new URL(path, sw.location.href).href));

/** The cache key of a board page: its URL without query or fragment. */
function pageKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

async function storeBoardPage(url: URL, response: Response): Promise<void> {
  if (!isStorableBoardResponse(response)) return;
  const cache = await caches.open(CACHES.pages);
  await cache.put(pageKey(url), response);
}

async function dropPrivatePages(): Promise<void> {
  for (const name of await caches.keys()) {
    if (name.startsWith('pages-')) await caches.delete(name);
  }
}

/** Fetches and stores a board page a page asked for (it was opened by client-side navigation). */
async function keepBoard(href: string): Promise<void> {
  const url = new URL(href);
  if (!isBoardPage(url, sw.location.origin)) return;
  try {
    const response = await fetch(pageKey(url), { credentials: 'same-origin' });
    await storeBoardPage(url, response);
  } catch {
    // Offline: the stored copy (if any) stays.
  }
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.shell);
      await cache.addAll([...SHELL]);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set(Object.values(CACHES));
      for (const name of await caches.keys()) {
        if (!current.has(name)) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const message = readWorkerMessage(event.data);
  if (message?.type === 'clear-private') event.waitUntil(dropPrivatePages());
  else if (message?.type === 'keep-board') event.waitUntil(keepBoard(message.url));
});

async function shellFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHES.shell });
  return cached ?? fetch(request);
}

async function boardNetworkFirst(event: FetchEvent, url: URL): Promise<Response> {
  try {
    const response = await fetch(event.request);
    event.waitUntil(storeBoardPage(url, response.clone()));
    return response;
  } catch (error) {
    const cached = await caches.match(pageKey(url), { cacheName: CACHES.pages });
    if (cached) return cached;
    throw error;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (SHELL.has(url.href)) {
    event.respondWith(shellFirst(request));
  } else if (request.mode === 'navigate') {
    if (isBoardPage(url, sw.location.origin)) event.respondWith(boardNetworkFirst(event, url));
    // The login page is only shown to someone signed out: whoever used the stored pages is gone.
    else if (isSignedOutPage(url, sw.location.origin)) event.waitUntil(dropPrivatePages());
  }
  // Everything else (API, token, comments, exports) goes to the network untouched.
});
