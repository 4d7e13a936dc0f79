import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { exportResponse, isExportFormat } from '$lib/server/exports/export-document';
import { exportProblemError } from '$lib/server/exports/export-problem';
import { loadExportSource } from '$lib/server/exports/export-source';
import { requirePlanRole } from '$lib/server/plan-access';
import { recordActivity } from '$lib/server/versions/activity';
import type { RequestHandler } from './$types';

/**
 * `GET /plans/<id>/export/<md|docx|json>[?version=<versionId>]`: the current plan or one
 * version as a file. Viewers and up; 404 for non-members, an unknown format or version.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!isExportFormat(params.format)) error(404, m.export_error_unknown_format());
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
  const response = await exportResponse(result.source, params.format, m.export_doc_untitled());
  await recordActivity(db, {
    planId: plan.id,
    userId: plan.user.id,
    kind: 'exported',
    versionId: result.source.version?.id ?? null,
    detail: params.format,
  });
  return response;
};
