import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { isReportFormat, reportResponse } from '$lib/server/results/report-files';
import { loadReportInput } from '$lib/server/results/report-source';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

/**
 * `GET /plans/<id>/results/report/<md|docx>`: the results report (public edition: what was
 * released, no personal data, no pseudonyms). Every member; 404 for non-members and unknown formats.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!isReportFormat(params.format)) error(404, m.results_report_unknown_format());
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const input = await loadReportInput(await getDatabase(), await getStorage(), {
    planId: plan.id,
    planTitle: plan.title,
    locale: getLocale(),
    edition: 'public',
  });
  return reportResponse(input, params.format);
};
