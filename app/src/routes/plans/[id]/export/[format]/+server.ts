import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { exportResponse, isExportFormat } from '$lib/server/exports/export-document';
import { loadMemberExport } from '$lib/server/exports/member-export';
import { requirePlanPermission } from '$lib/server/plan-access';
import type { RequestHandler } from './$types';

/**
 * `GET /plans/<id>/export/<md|docx|json>[?version=<versionId>]`: the current plan or one
 * version as a file. Viewers and up (viewers: approved versions only); 404 for non-members, an
 * unknown format or version. Every download is logged in the plan's activity.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  if (!isExportFormat(params.format)) error(404, m.export_error_unknown_format());
  const plan = await requirePlanPermission(locals, params.id, 'plan.read');
  const source = await loadMemberExport(plan, url.searchParams.get('version'), params.format);
  return exportResponse(source, params.format, m.export_doc_untitled());
};
