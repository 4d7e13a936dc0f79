import type { LayoutServerLoad } from './$types';

/** Only what the header shows: who is signed in (never ids, roles of plans or tokens). */
export const load: LayoutServerLoad = ({ locals }) => ({
  account: locals.user ? { name: locals.user.name } : null,
});
