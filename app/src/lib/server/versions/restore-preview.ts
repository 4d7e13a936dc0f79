/**
 * What restoring a version would replace: the changes from the current plan to the version,
 * counted per part, for the confirmation dialog before a restore.
 */
import { planDocumentName } from '@prozesswerkstatt/contract';
import { diffPlans, type PlanJSON } from '@prozesswerkstatt/plan-model';
import { fetchSnapshot } from '../collab-internal.js';
import type { Db } from '../db.js';
import { planOfState } from './snapshot.js';
import { getVerifiedVersion } from './versions.js';

/** The parts of a plan a restore can change, in the order the dialog lists them. */
export const RESTORE_PARTS = [
  'meta',
  'overview',
  'stakeholders',
  'phases',
  'formats',
  'results',
  'guidelineMarks',
] as const;

/** One part of the plan. */
export type RestorePart = (typeof RESTORE_PARTS)[number];

/** How many records (or fields, for meta and overview) a restore adds, removes or changes. */
export interface RestoreCount {
  part: RestorePart;
  added: number;
  removed: number;
  changed: number;
}

/**
 * What replacing `current` by `version` changes, per part with any change. The status is left
 * out: a restore always makes the plan a draft.
 */
export function summarizeRestore(current: PlanJSON, version: PlanJSON): RestoreCount[] {
  const diff = diffPlans(current, version);
  const counts: RestoreCount[] = [];
  for (const part of RESTORE_PARTS) {
    const count = { part, added: 0, removed: 0, changed: 0 };
    if (part === 'meta' || part === 'overview') {
      count.changed = diff[part].filter((change) => change.field !== 'status').length;
    } else {
      for (const record of diff[part]) count[record.change] += 1;
    }
    if (count.added + count.removed + count.changed > 0) counts.push(count);
  }
  return counts;
}

/** Why there is no preview. */
export type RestorePreviewProblem = 'not_found' | 'integrity';

/** The preview of restoring `versionId` onto the plan as the collab-server holds it now. */
export async function restorePreview(
  db: Db,
  planId: string,
  versionId: string,
  userId: string,
): Promise<{ ok: true; counts: RestoreCount[] } | { ok: false; problem: RestorePreviewProblem }> {
  const verified = await getVerifiedVersion(db, planId, versionId);
  if (!verified.found) return { ok: false, problem: 'not_found' };
  if (!verified.plan) return { ok: false, problem: 'integrity' };
  const current = planOfState(await fetchSnapshot(planDocumentName(planId), userId));
  return { ok: true, counts: summarizeRestore(current, verified.plan) };
}
