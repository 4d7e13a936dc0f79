/**
 * The page side of the service worker (see `src/service-worker.ts`): registering it and its two
 * messages. All best-effort: without a worker (unsupported, not yet installed, not a secure
 * context such as plain http to another host than localhost/127.0.0.1) nothing happens.
 */
import { dev } from '$app/environment';
import type { WorkerMessage } from './cache-policy';

/**
 * Registers the worker. A failure (e.g. storage cleared by the logout's Clear-Site-Data while
 * registering) only costs the offline reload, so it is not reported as an error.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // Vite serves the worker as an ES module in development, Kit bundles it as a script for builds.
  const type = dev ? 'module' : 'classic';
  navigator.serviceWorker.register('/service-worker.js', { type }).catch(() => {
    // Registered again on the next page load.
  });
}

async function post(message: WorkerMessage): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.active ?? navigator.serviceWorker.controller;
  worker?.postMessage(message);
}

/** Asks the worker to store the board page now shown, so a reload without network finds it. */
export function keepBoardOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  // `ready` waits for the first install on the very first visit.
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({
      type: 'keep-board',
      url: window.location.href,
    } satisfies WorkerMessage),
  );
}

/** Asks the worker to drop every stored plan page (on logout, before the session ends). */
export function clearOfflinePages(): Promise<void> {
  return post({ type: 'clear-private' });
}
