import { loadMemberExport } from '$lib/server/exports/member-export';
import { requirePlanPermission } from '$lib/server/plan-access';
import type { PageServerLoad } from './$types';

/**
 * The print view of the current plan or of `?version=<id>`: the same content as the DOCX
 * export, for printing or saving as PDF from the browser. Viewers and up. Opening it is how a
 * plan leaves as PDF or on paper, so it is logged like a download.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'plan.read');
  const source = await loadMemberExport(plan, url.searchParams.get('version'), 'print');
  return {
    planId: plan.id,
    plan: source.plan,
    changedSinceApproval: source.changedSinceApproval ?? null,
    version: source.version ?? null,
    approvals: source.approvals ?? [],
    openThreads: source.openThreads ?? [],
  };
};
