import { getDatabase, getStorage } from '$lib/server/db';
import { exportProblemError } from '$lib/server/exports/export-problem';
import { loadExportSource } from '$lib/server/exports/export-source';
import { requirePlanPermission } from '$lib/server/plan-access';
import type { PageServerLoad } from './$types';

/**
 * The export page of a plan (or of `?version=<id>`): which plan and version, nothing more; the
 * files come from `./<format>`. A version that fails its integrity check is refused here already.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const plan = await requirePlanPermission(locals, params.id, 'plan.read');
  const versionId = url.searchParams.get('version');
  let version: { id: string; label: string } | null = null;
  if (versionId) {
    const result = await loadExportSource(
      await getDatabase(),
      await getStorage(),
      plan.id,
      versionId,
      plan.role,
    );
    if (!result.ok) exportProblemError(result.problem);
    const found = result.source.version!;
    version = { id: found.id, label: found.label };
  }
  return { plan: { id: plan.id, title: plan.title }, version };
};
