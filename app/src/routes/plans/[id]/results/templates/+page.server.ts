import { fail } from '@sveltejs/kit';
import {
  DECISIONS,
  createReplyTemplate,
  deleteReplyTemplate,
  listReplyTemplates,
  updateReplyTemplate,
  ResultsNotFoundError,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { formId } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import { resultsContext } from '$lib/server/results/result-events';
import { parseTemplateForm } from '$lib/server/results/template-form';
import type { Actions, PageServerLoad } from './$types';

/** The plan's reply templates: for those who answer (editors and facilitators). */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.answer');
  return {
    plan: { id: plan.id, title: plan.title },
    templates: await listReplyTemplates(await getDatabase(), plan.id),
    decisions: DECISIONS,
  };
};

export const actions: Actions = {
  create: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const parsed = parseTemplateForm(await request.formData());
    if (!parsed.ok) {
      return fail(400, { target: 'new', errors: parsed.errors, values: parsed.values });
    }
    await createReplyTemplate(
      resultsContext(await getDatabase()),
      plan.id,
      parsed.input,
      plan.user.id,
    );
    return { saved: 'created' as const, target: 'new' };
  },

  update: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'templateId');
    const parsed = parseTemplateForm(form);
    if (!parsed.ok) return fail(400, { target: id, errors: parsed.errors, values: parsed.values });
    try {
      await updateReplyTemplate(
        resultsContext(await getDatabase()),
        plan.id,
        id,
        parsed.input,
        plan.user.id,
      );
    } catch (caught) {
      if (caught instanceof ResultsNotFoundError) {
        return fail(404, { target: id, missing: m.results_answer_templates_missing() });
      }
      throw caught;
    }
    return { saved: 'updated' as const, target: id };
  },

  delete: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const id = formId(await request.formData(), 'templateId');
    const deleted = await deleteReplyTemplate(
      resultsContext(await getDatabase()),
      plan.id,
      id,
      plan.user.id,
    );
    if (!deleted) return fail(404, { target: id, missing: m.results_answer_templates_missing() });
    return { saved: 'deleted' as const, target: 'new' };
  },
};
