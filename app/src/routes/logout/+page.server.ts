import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import { SESSION_COOKIE, clearSessionCookie, deleteSession } from '$lib/server/sessions';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST (a form action, covered by Kit's CSRF check);
// a GET of /logout only leads back to the start page.
export const load: PageServerLoad = () => {
  redirect(303, localizeHref('/'));
};

export const actions: Actions = {
  logout: async ({ cookies, setHeaders }) => {
    const token = cookies.get(SESSION_COOKIE);
    if (token) await deleteSession(await getDatabase(), token);
    clearSessionCookie(cookies);
    // The board keeps an offline copy of each plan in IndexedDB; on a shared computer the next
    // person must not find it there. "storage" clears IndexedDB, local and session storage of this
    // origin (cookies are handled above); "cache" drops pages and data cached before signed-in
    // pages were sent with `no-store`, and anything a route cached on purpose.
    setHeaders({ 'clear-site-data': '"cache", "storage"' });
    redirect(303, localizeHref('/'));
  },
};
