import { expect, type APIRequestContext } from '@playwright/test';
import { APP_ORIGIN } from './ports.js';

/** What a SvelteKit form action answers a request that accepts JSON (as enhanced forms send). */
export type ActionResult =
  | { type: 'redirect'; status: number; location: string }
  | { type: 'success' | 'failure'; status: number; data?: string }
  | { type: 'error'; status?: number; error: unknown };

/**
 * Submits a form action over HTTP as the page's own enhanced form would (same origin, so the CSRF
 * check passes; JSON answer). `api` is a page's `request`, which shares the cookies of the page's
 * context: a session the action sets signs that page in. The fast path for specs whose subject
 * is not the form itself; each form keeps a spec that fills it in the browser.
 */
export async function submitAction(
  api: APIRequestContext,
  path: string,
  form: Record<string, string>,
): Promise<ActionResult> {
  const response = await api.post(path, {
    form,
    headers: { Origin: APP_ORIGIN, Accept: 'application/json' },
    maxRedirects: 0,
  });
  expect(response.ok(), `POST ${path}: HTTP ${response.status()}`).toBe(true);
  return (await response.json()) as ActionResult;
}

/** {@link submitAction} for an action that ends in a redirect; returns where it points. */
export async function submitForRedirect(
  api: APIRequestContext,
  path: string,
  form: Record<string, string>,
): Promise<string> {
  const result = await submitAction(api, path, form);
  if (result.type !== 'redirect')
    throw new Error(`POST ${path}: expected a redirect, got ${JSON.stringify(result)}`);
  return result.location;
}
