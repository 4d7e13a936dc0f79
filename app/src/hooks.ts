import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime.js';

/**
 * Maps a localized URL (`/en/…`) to the canonical route (`/…`) so routes exist once,
 * whatever the language. Runs on the server and in the browser.
 */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
