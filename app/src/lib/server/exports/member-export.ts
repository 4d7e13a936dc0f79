import type { Role } from '@prozesswerkstatt/contract';
import { getDatabase, getStorage } from '../db.js';
import { recordActivity } from '../versions/activity.js';
import { exportProblemError } from './export-problem.js';
import { loadExportSource, type ExportSource } from './export-source.js';

/** What a download or the print view knows of the member asking. */
export interface ExportingMember {
  id: string;
  role: Role;
  user: { id: string };
}

/**
 * What `plan`'s member exports (the current plan, or `versionId` if their role may read it),
 * logged as an export in the plan's activity log (`detail`: md, docx, json or print). Throws the
 * HTTP error in the user's language when there is nothing to export.
 */
export async function loadMemberExport(
  plan: ExportingMember,
  versionId: string | null,
  detail: string,
): Promise<ExportSource> {
  const db = await getDatabase();
  const result = await loadExportSource(db, await getStorage(), plan.id, versionId, plan.role);
  if (!result.ok) exportProblemError(result.problem);
  await recordActivity(db, {
    planId: plan.id,
    userId: plan.user.id,
    kind: 'exported',
    versionId: result.source.version?.id ?? null,
    detail,
  });
  return result.source;
}
