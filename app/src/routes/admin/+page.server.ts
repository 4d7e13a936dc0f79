import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { listAccounts, setFacilitator } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

/** Administrators only, in load and action (the hook already sent anonymous users to login). */
function requireAdmin(locals: App.Locals): void {
  if (!locals.user?.isAdmin) error(403, m.errors_admin_only());
}

export const load: PageServerLoad = async ({ locals }) => {
  requireAdmin(locals);
  return { accounts: await listAccounts(await getDatabase()) };
};

export const actions: Actions = {
  setFacilitator: async ({ locals, request }) => {
    requireAdmin(locals);
    const form = await request.formData();
    const userId = String(form.get('userId') ?? '');
    const value = form.get('facilitator') === 'true';
    const updated = await setFacilitator(await getDatabase(), userId, value);
    if (!updated) return fail(404, { error: m.admin_account_not_found() });
    return { updated: userId };
  },
};
