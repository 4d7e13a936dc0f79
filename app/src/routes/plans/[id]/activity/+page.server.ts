import { getDatabase } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { listActivity } from '$lib/server/versions/activity';
import type { PageServerLoad } from './$types';

/** The plan's activity log, newest first; every member may read it. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'plan.read');
  return {
    plan: { id: plan.id, title: plan.title },
    entries: await listActivity(await getDatabase(), plan.id),
  };
};
