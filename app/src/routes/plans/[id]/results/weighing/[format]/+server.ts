import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  isWeighingFormat,
  weighingAudience,
  weighingResponse,
} from '$lib/server/results/report-files';
import { loadReportInput } from '$lib/server/results/report-source';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { RequestHandler } from './$types';

/**
 * `GET /plans/<id>/results/weighing/<docx|xlsx>[?edition=public]`: the weighing table of a
 * formal procedure. Internal edition by default (pseudonyms, never names or contacts; every
 * member sees pseudonyms in the inbox too; every item as it is now), `?edition=public` without
 * pseudonyms and with what was released only.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!isWeighingFormat(params.format)) error(404, m.results_report_unknown_format());
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  const edition = weighingAudience(url.searchParams.get('edition'));
  const input = await loadReportInput(await getDatabase(), await getStorage(), {
    planId: plan.id,
    planTitle: plan.title,
    locale: getLocale(),
    edition,
  });
  return weighingResponse(input, params.format, edition);
};
