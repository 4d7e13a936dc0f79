import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requireFacilitator } from '$lib/server/facilitator-access';
import { describePlanErrors } from '$lib/server/plan-form';
import { createPlan, parsePlanFields } from '$lib/server/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  requireFacilitator(locals);
  return {};
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const user = requireFacilitator(locals);
    const form = await request.formData();
    const input = {
      title: String(form.get('title') ?? ''),
      requestingUnit: String(form.get('requestingUnit') ?? ''),
    };
    const parsed = parsePlanFields(input);
    if (!parsed.ok) return fail(400, { ...input, errors: describePlanErrors(parsed.errors) });
    const id = await createPlan(await getDatabase(), await getStorage(), user, parsed.value);
    redirect(303, localizeHref(`/plans/${id}`));
  },
};
