import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanRole } from '$lib/server/plan-access';
import { describePlanErrors } from '$lib/server/plan-form';
import { parsePlanFields, renamePlan, setArchived } from '$lib/server/plans';
import type { Actions, PageServerLoad } from './$types';

/** Plan settings: facilitators only, in load and in every action. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanRole(locals, params.id, 'facilitator');
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      requestingUnit: plan.requestingUnit,
      archived: plan.archivedAt !== null,
    },
  };
};

export const actions: Actions = {
  rename: async ({ locals, params, request }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    const form = await request.formData();
    const input = {
      title: String(form.get('title') ?? ''),
      requestingUnit: String(form.get('requestingUnit') ?? ''),
    };
    const parsed = parsePlanFields(input);
    if (!parsed.ok) return fail(400, { ...input, errors: describePlanErrors(parsed.errors) });
    await renamePlan(await getDatabase(), await getStorage(), plan.id, parsed.value);
    return { renamed: true };
  },
  archive: async ({ locals, params }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    await setArchived(await getDatabase(), plan.id, true);
    redirect(303, localizeHref('/'));
  },
  unarchive: async ({ locals, params }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    await setArchived(await getDatabase(), plan.id, false);
    return { unarchived: true };
  },
};
