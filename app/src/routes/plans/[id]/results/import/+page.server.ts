import { getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { appConfig } from '$lib/server/config';
import { IMPORT_FORMATS, importLimitBytes } from '$lib/server/results/import/import-options';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import type { PageServerLoad } from './$types';

/** The import dialog: for those who enter contributions (editors and facilitators). */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.answer');
  return {
    plan: { id: plan.id, title: plan.title },
    subjects: await loadResultSubjects(await getStorage(), plan.id),
    formats: IMPORT_FORMATS,
    maxBytes: importLimitBytes(appConfig().BODY_SIZE_LIMIT),
  };
};
