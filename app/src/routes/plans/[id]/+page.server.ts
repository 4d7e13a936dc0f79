import { getDatabase } from '$lib/server/db';
import { methodLanguage, methodNames } from '$lib/server/methods/library';
import { requirePlanPermission } from '$lib/server/plan-access';
import { approvedContent } from '$lib/server/versions/approval-drift';
import type { PageServerLoad } from './$types';

/**
 * The board's data: the plan and who is looking, and for an approved plan the approved
 * version's content key, so the board can say live whether the plan changed since; the names of
 * the library's methods, for the link from a format to its method. The collab
 * token is fetched by the page from `GET ./collab-token` (short-lived, never part of the HTML).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'plan.read');
  const db = await getDatabase();
  const row = await db
    .selectFrom('plans')
    .select('status')
    .where('id', '=', plan.id)
    .executeTakeFirst();
  const approved = row?.status === 'approved' ? await approvedContent(db, plan.id) : null;
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role, docName: plan.docName },
    user: { id: plan.user.id, name: plan.user.name },
    approval: approved
      ? { versionLabel: approved.versionLabel, contentKey: approved.contentKey }
      : null,
    methodNames: await methodNames(db, methodLanguage()),
  };
};
