import { fail } from '@sveltejs/kit';
import { can } from '@prozesswerkstatt/contract';
import {
  MEASURE_STATUSES,
  ResultsConflictError,
  ResultsInputError,
  ResultsNotFoundError,
  addMilestone,
  contributionSummaries,
  createMeasure,
  deleteMeasure,
  getMeasure,
  importMeasures,
  linkMeasureContributions,
  listContributions,
  listMeasures,
  removeMilestone,
  unlinkMeasureContribution,
  updateMeasure,
  updateMilestone,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import { formId, formText } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  emptyMeasureForm,
  parseMeasureForm,
  parseMilestoneForm,
} from '$lib/server/results/measure-form';
import {
  importPreview,
  parseImportPayload,
  readUpload,
} from '$lib/server/results/measure-import-form';
import { toMeasureView } from '$lib/server/results/measure-view';
import { parseRowVersion } from '$lib/server/results/form-version';
import { resultsContext } from '$lib/server/results/result-events';
import type { Actions, PageServerLoad } from './$types';

/** Matches the link picker shows at most. */
const PICK_LIMIT = 50;

/**
 * Measures of implementation: every member reads them, editors and facilitators (the contract's
 * `results.answer`) write. `?link=<measure>&q=<words>` searches contributions to link to one.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const db = await getDatabase();
  const measures = await listMeasures(db, plan.id);
  const summaries = await contributionSummaries(
    db,
    plan.id,
    measures.flatMap((measure) => measure.contributionIds),
  );
  const canEdit = can(plan.role, 'results.answer');
  const linkTo = url.searchParams.get('link');
  const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  let picker = null;
  const target = measures.find((measure) => measure.id === linkTo);
  if (canEdit && target) {
    const page = await listContributions(db, plan.id, query === '' ? {} : { search: query }, {
      limit: PICK_LIMIT,
    });
    const linked = new Set(target.contributionIds);
    picker = {
      measureId: target.id,
      query,
      total: page.total,
      matches: (
        await contributionSummaries(
          db,
          plan.id,
          page.items.filter((item) => !linked.has(item.id)).map((item) => item.id),
        )
      ).map(({ id, title, excerpt, pseudonym }) => ({ id, title, excerpt, pseudonym })),
    };
  }
  return {
    plan: { id: plan.id, title: plan.title },
    userId: plan.user.id,
    canEdit,
    statuses: MEASURE_STATUSES,
    emptyForm: emptyMeasureForm(),
    measures: measures.map((measure) => toMeasureView(measure, summaries, getLocale())),
    picker,
  };
};

/** The input problem as a page message, or rethrows what is not the user's. */
function refused(error: unknown, measureId: string) {
  if (error instanceof ResultsConflictError) {
    return fail(409, { measureId, message: m.results_measure_conflict() });
  }
  if (error instanceof ResultsNotFoundError) {
    return fail(404, { measureId, message: m.results_measure_not_found() });
  }
  if (error instanceof ResultsInputError) {
    return fail(400, { measureId, message: m.results_measure_form_errors() });
  }
  throw error;
}

export const actions: Actions = {
  create: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const parsed = parseMeasureForm(await request.formData(), getLocale());
    if (!parsed.ok) {
      return fail(400, { measureId: '', errors: parsed.errors, values: parsed.values });
    }
    const db = await getDatabase();
    const created = await createMeasure(resultsContext(db), plan.id, parsed.input, plan.user.id);
    return { measureId: created.id, saved: m.results_measure_saved() };
  },

  update: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    const version = parseRowVersion(formText(form, 'version'), false);
    // A damaged or forged version is the sender's error, not a database failure.
    if (typeof version !== 'number') {
      return fail(400, { measureId: id, message: m.results_measure_form_errors() });
    }
    const db = await getDatabase();
    const current = await getMeasure(db, plan.id, id);
    if (!current) return fail(404, { measureId: id, message: m.results_measure_not_found() });
    const parsed = parseMeasureForm(form, getLocale(), current);
    if (!parsed.ok)
      return fail(400, { measureId: id, errors: parsed.errors, values: parsed.values });
    try {
      await updateMeasure(resultsContext(db), plan.id, id, version, parsed.input, plan.user.id);
    } catch (error) {
      return refused(error, id);
    }
    return { measureId: id, saved: m.results_measure_saved() };
  },

  delete: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    if (formText(form, 'confirm') !== 'yes') {
      return fail(400, { measureId: id, message: m.results_measure_delete_confirm_missing() });
    }
    const deleted = await deleteMeasure(
      resultsContext(await getDatabase()),
      plan.id,
      id,
      plan.user.id,
    );
    if (!deleted) return fail(404, { measureId: id, message: m.results_measure_not_found() });
    return { measureId: '', saved: m.results_measure_deleted() };
  },

  addMilestone: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    const parsed = parseMilestoneForm(form);
    if (!parsed.ok) return fail(400, { measureId: id, milestoneError: parsed.error });
    try {
      await addMilestone(
        resultsContext(await getDatabase()),
        plan.id,
        id,
        { title: parsed.title, dueDate: parsed.dueDate },
        plan.user.id,
      );
    } catch (error) {
      return refused(error, id);
    }
    return { measureId: id, saved: m.results_measure_saved() };
  },

  toggleMilestone: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    const db = await getDatabase();
    const milestone = (await getMeasure(db, plan.id, id))?.milestones.find(
      (entry) => entry.id === formId(form, 'milestoneId'),
    );
    if (!milestone) return fail(404, { measureId: id, message: m.results_measure_not_found() });
    await updateMilestone(
      resultsContext(db),
      plan.id,
      id,
      milestone.id,
      {
        title: milestone.title,
        dueDate: milestone.dueDate,
        done: formText(form, 'done') === 'true',
      },
      plan.user.id,
    );
    return { measureId: id, saved: m.results_measure_saved() };
  },

  removeMilestone: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    try {
      const removed = await removeMilestone(
        resultsContext(await getDatabase()),
        plan.id,
        id,
        formId(form, 'milestoneId'),
        plan.user.id,
      );
      if (!removed) return fail(404, { measureId: id, message: m.results_measure_not_found() });
    } catch (error) {
      return refused(error, id);
    }
    return { measureId: id, saved: m.results_measure_saved() };
  },

  link: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    const ids = form
      .getAll('contributionId')
      .filter((value): value is string => typeof value === 'string' && value.length <= 100)
      .slice(0, 500);
    if (ids.length === 0)
      return fail(400, { measureId: id, message: m.results_measure_link_nothing() });
    try {
      await linkMeasureContributions(
        resultsContext(await getDatabase()),
        plan.id,
        id,
        ids,
        plan.user.id,
      );
    } catch (error) {
      return refused(error, id);
    }
    return { measureId: id, saved: m.results_measure_linked({ count: String(ids.length) }) };
  },

  unlink: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const form = await request.formData();
    const id = formId(form, 'measureId');
    try {
      const removed = await unlinkMeasureContribution(
        resultsContext(await getDatabase()),
        plan.id,
        id,
        formId(form, 'contributionId'),
        plan.user.id,
      );
      if (!removed) return fail(404, { measureId: id, message: m.results_measure_not_found() });
    } catch (error) {
      return refused(error, id);
    }
    return { measureId: id, saved: m.results_measure_saved() };
  },

  /** Reads an accountability CSV and shows what an import would do; writes nothing. */
  preview: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const upload = await readUpload(await request.formData());
    if (!upload.ok) return fail(400, { importErrors: [upload.error] });
    const preview = await importPreview(await getDatabase(), plan.id, upload.name, upload.bytes);
    if (!preview.ok) return fail(400, { importErrors: preview.errors });
    return { preview: preview.preview };
  },

  /** Imports what the preview showed (checked again; on any problem nothing is written). */
  import: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const rows = parseImportPayload(formText(await request.formData(), 'payload'));
    if (rows === null) return fail(400, { importErrors: [m.results_measure_csv_stale()] });
    const db = await getDatabase();
    try {
      const done = await importMeasures(resultsContext(db), plan.id, rows, plan.user.id);
      return {
        saved: m.results_measure_csv_done({
          create: String(done.created),
          update: String(done.updated),
          links: String(done.linked),
        }),
      };
    } catch (error) {
      if (error instanceof ResultsInputError || error instanceof ResultsNotFoundError) {
        return fail(400, { importErrors: [m.results_measure_csv_stale()] });
      }
      throw error;
    }
  },
};
