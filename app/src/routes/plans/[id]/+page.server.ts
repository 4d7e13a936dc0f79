import { requirePlanRole } from '$lib/server/plan-access';
import type { PageServerLoad } from './$types';

/**
 * The board's data: the plan and who is looking, nothing more. The collab token is fetched by the
 * page from `GET ./collab-token` (short-lived, never part of the rendered HTML).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanRole(locals, params.id, 'viewer');
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role, docName: plan.docName },
    user: { id: plan.user.id, name: plan.user.name },
  };
};
