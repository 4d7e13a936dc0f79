import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requireFacilitator } from '$lib/server/facilitator-access';
import { describePlanErrors } from '$lib/server/plan-form';
import { createPlan, parsePlanFields } from '$lib/server/plans';
import {
  builtInOptions,
  createPlanFromTemplate,
  listTemplatePlans,
  planSource,
  resolveTemplateSource,
  type TemplateRefusal,
} from '$lib/server/templates/plan-templates';
import type { Actions, PageServerLoad } from './$types';

/** The message of a source that cannot be used, and the status the form answers with. */
function describeRefusal(refusal: TemplateRefusal): { status: number; message: string } {
  switch (refusal) {
    case 'unknown_template':
      return { status: 400, message: m.template_error_unknown() };
    case 'plan_not_found':
      return { status: 404, message: m.template_error_not_found() };
    case 'no_approved_version':
      return { status: 409, message: m.template_error_no_approved() };
    case 'not_in_network':
      return { status: 404, message: m.template_error_not_in_network() };
    case 'integrity':
      return { status: 409, message: m.template_error_integrity() };
    case 'invalid':
      return { status: 500, message: m.template_error_invalid() };
  }
}

/**
 * The form: title, requesting unit and what to start from (an empty plan, a built-in template,
 * an approved plan the user is a member of or another facilitator's approved plan; `?from=<plan
 * id>` preselects that plan, as the "use as template" links do — refused here like in the action
 * when it may not be used).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireFacilitator(locals);
  const db = await getDatabase();
  const from = url.searchParams.get('from');
  if (from !== null) {
    const resolved = await resolveTemplateSource(db, user, planSource(from));
    if (!resolved.ok) {
      const { status, message } = describeRefusal(resolved.refusal);
      error(status, message);
    }
  }
  return {
    templates: builtInOptions(getLocale()),
    plans: await listTemplatePlans(db, user),
    selected: from === null ? '' : planSource(from),
  };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const user = requireFacilitator(locals);
    const form = await request.formData();
    const source = String(form.get('source') ?? '');
    const input = {
      title: String(form.get('title') ?? ''),
      requestingUnit: String(form.get('requestingUnit') ?? ''),
    };
    const db = await getDatabase();
    const resolved = await resolveTemplateSource(db, user, source);
    if (!resolved.ok) {
      const { status, message } = describeRefusal(resolved.refusal);
      return fail(status, { ...input, source, sourceError: message, errors: {} });
    }
    const parsed = parsePlanFields(input);
    if (!parsed.ok) {
      return fail(400, { ...input, source, errors: describePlanErrors(parsed.errors) });
    }
    const storage = await getStorage();
    const id = resolved.plan
      ? await createPlanFromTemplate(db, storage, user, resolved.plan, parsed.value)
      : await createPlan(db, storage, user, parsed.value);
    redirect(303, localizeHref(`/plans/${id}`));
  },
};
