import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { loadReportInput } from '$lib/server/results/report-source';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { PageServerLoad } from './$types';

/**
 * The results report as a web page that prints as the report (the same outline the DOCX and
 * Markdown files draw). Every member reads it: it is the public edition, without personal data,
 * showing what was released (nothing before the first release).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const input = await loadReportInput(await getDatabase(), await getStorage(), {
    planId: plan.id,
    planTitle: plan.title,
    locale: getLocale(),
    edition: 'public',
  });
  return { planId: plan.id, input };
};
