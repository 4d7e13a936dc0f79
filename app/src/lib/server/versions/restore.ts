import { planDocumentName } from '@prozesswerkstatt/contract';
import {
  PlanImportError,
  parsePlanJSON,
  restorePlanJSON,
  type PlanIssue,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { fetchSnapshot, postUpdate } from '../collab-internal.js';
import { commentEvents } from '../comment-events.js';
import { reanchorDetachedThreads } from '../comment-reanchor.js';
import type { Db } from '../db.js';
import { APP_ORIGIN } from '../plans.js';
import { recordActivity } from './activity.js';
import { docFromState } from './snapshot.js';
import { getVerifiedVersion, saveVersion } from './versions.js';

/** Why a restore did not happen. */
export type RestoreRefusal = 'not_found' | 'integrity' | 'invalid';

/** A refused restore; `invalid` names what in the version breaks the plan's rules. */
export type RestoreRefused =
  | { ok: false; refusal: Exclude<RestoreRefusal, 'invalid'> }
  | { ok: false; refusal: 'invalid'; issues: PlanIssue[]; plan: PlanJSON };

/**
 * What in a stored plan breaks the rules a restore writes under (a version of a state two
 * people's edits merged into, such as a phase ending before it starts), or none.
 */
function restoreIssues(plan: PlanJSON): PlanIssue[] {
  try {
    parsePlanJSON(plan);
    return [];
  } catch (error) {
    if (error instanceof PlanImportError) return [...error.issues];
    throw error;
  }
}

/**
 * Restores a version: first the current state is saved as a version "before restore", then the
 * version's content is written onto the current document as ONE new change (records kept by id,
 * see `restorePlanJSON`) through the collab-server, so history is kept and everyone online sees it
 * live. Edits that arrive meanwhile merge with it like any concurrent edit. The plan becomes a
 * draft again. Text comment threads the rewrite detached are anchored again where their quote
 * still occurs. A version whose hash does not check out is not restored, nor one whose content
 * breaks the plan's rules (then nothing is written, not even the backup).
 */
export async function restoreVersion(
  db: Db,
  planId: string,
  versionId: string,
  userId: string,
): Promise<{ ok: true; backupId: string } | RestoreRefused> {
  const verified = await getVerifiedVersion(db, planId, versionId);
  if (!verified.found) return { ok: false, refusal: 'not_found' };
  if (!verified.plan) return { ok: false, refusal: 'integrity' };
  const { version, plan } = verified;
  const issues = restoreIssues(plan);
  if (issues.length > 0) return { ok: false, refusal: 'invalid', issues, plan };
  const docName = planDocumentName(planId);
  const state = await fetchSnapshot(docName, userId);
  const backup = await saveVersion(
    db,
    planId,
    { kind: 'before_restore', label: version.label, note: null, authorId: userId },
    state,
  );
  const doc = docFromState(state);
  try {
    const before = Y.encodeStateVector(doc);
    restorePlanJSON(doc, plan, APP_ORIGIN, {
      status: 'draft',
      updatedAt: new Date().toISOString(),
    });
    await postUpdate(docName, Y.encodeStateAsUpdate(doc, before), userId);
    // `doc` now holds what the collab-server has: text threads detached by the rewrite of their
    // field are anchored again where their quote is back.
    // The restore itself is done: a failure here costs the comments their place, not the restore.
    const moved = await reanchorDetachedThreads(db, docName, doc).catch((error: unknown) => {
      console.warn('restore: re-anchoring comments failed', error);
      return [];
    });
    for (const threadId of moved) {
      commentEvents().publish({ planId, threadId, reason: 'reanchored', actorId: userId });
    }
  } finally {
    doc.destroy();
  }
  await db
    .updateTable('plans')
    .set({ status: 'draft', updated_at: new Date().toISOString() })
    .where('id', '=', planId)
    .execute();
  await recordActivity(db, { planId, userId, kind: 'restored', versionId });
  return { ok: true, backupId: backup.id };
}
