import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

/**
 * Detects the request's language (URL prefix, then cookie, then German), makes it the locale for
 * every message rendered during this request, and writes it into `<html lang>`
 * (`%paraglide.lang%` in `app.html`).
 */
export const i18n: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });
