import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { describePlanErrors } from '$lib/server/plan-form';
import { currentPlanFields } from '$lib/server/plan-list';
import {
  parsePlanFields,
  renamePlan,
  setArchived,
  type PlanDocumentWriter,
} from '$lib/server/plans';
import { CollabUnavailableError } from '$lib/server/collab-internal';
import { changePlanDocument } from '$lib/server/versions/plan-status';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * Plan settings: facilitators only, in load and in every action. The rename form starts from the
 * document's title and unit, so it never sets back what was edited on the board.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'plan.manage');
  const fields = await currentPlanFields(await getStorage(), plan.docName, plan);
  return {
    plan: {
      id: plan.id,
      title: fields.title,
      requestingUnit: fields.requestingUnit,
      archived: plan.archivedAt !== null,
    },
  };
};

export const actions: Actions = {
  rename: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'plan.manage');
    const form = await request.formData();
    const input = {
      title: String(form.get('title') ?? ''),
      requestingUnit: String(form.get('requestingUnit') ?? ''),
    };
    const parsed = parsePlanFields(input);
    if (!parsed.ok) return fail(400, { ...input, errors: describePlanErrors(parsed.errors) });
    // Through the collab-server, so open boards (and versions saved next) have the new title.
    const write: PlanDocumentWriter = (docName, change) =>
      changePlanDocument(docName, plan.user.id, change);
    try {
      await renamePlan(await getDatabase(), await getStorage(), plan.id, parsed.value, write);
    } catch (error) {
      if (!(error instanceof CollabUnavailableError)) throw error;
      return fail(503, { ...input, errors: { form: m.version_collab_unavailable() } });
    }
    return { renamed: true };
  },
  archive: async ({ locals, params }) => {
    const plan = await requirePlanPermission(locals, params.id, 'plan.manage');
    await setArchived(await getDatabase(), plan.id, true);
    redirect(303, localizeHref('/'));
  },
  unarchive: async ({ locals, params }) => {
    const plan = await requirePlanPermission(locals, params.id, 'plan.manage');
    await setArchived(await getDatabase(), plan.id, false);
    return { unarchived: true };
  },
};
