import { getDatabase, getStorage } from '$lib/server/db';
import { exportProblemError } from '$lib/server/exports/export-problem';
import { loadExportSource } from '$lib/server/exports/export-source';
import { requirePlanRole } from '$lib/server/plan-access';
import { recordActivity } from '$lib/server/versions/activity';
import type { PageServerLoad } from './$types';

/**
 * The print view of the current plan or of `?version=<id>`: the same content as the DOCX
 * export, for printing or saving as PDF from the browser. Viewers and up.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanRole(locals, params.id, 'viewer');
  const db = await getDatabase();
  const result = await loadExportSource(
    db,
    await getStorage(),
    plan.id,
    url.searchParams.get('version'),
    plan.role,
  );
  if (!result.ok) exportProblemError(result.problem);
  const { source } = result;
  // Opening the print view is how a plan leaves as PDF or on paper: logged like a download.
  await recordActivity(db, {
    planId: plan.id,
    userId: plan.user.id,
    kind: 'exported',
    versionId: source.version?.id ?? null,
    detail: 'print',
  });
  return {
    planId: plan.id,
    plan: source.plan,
    version: source.version ?? null,
    approvals: source.approvals ?? [],
    openThreads: source.openThreads ?? [],
  };
};
