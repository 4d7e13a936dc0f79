import { planDocumentName } from '@prozesswerkstatt/contract';
import { getMeta, updateMeta, type PlanStatus } from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { CollabUnavailableError, fetchSnapshot, postUpdate } from '../collab-internal.js';
import type { Db } from '../db.js';
import { APP_ORIGIN } from '../plans.js';
import { docFromState } from './snapshot.js';

/**
 * Changes a plan document through the collab-server: `change` runs on its authoritative state
 * (plan-model writes with the app's origin), and the difference is stored, applied and sent live
 * to everyone online. Nothing is written when `change` changes nothing.
 */
export async function changePlanDocument(
  docName: string,
  actingUserId: string,
  change: (doc: Y.Doc) => void,
): Promise<void> {
  const doc = docFromState(await fetchSnapshot(docName, actingUserId));
  try {
    const before = Y.encodeStateVector(doc);
    change(doc);
    const update = Y.encodeStateAsUpdate(doc, before);
    if (!isEmptyUpdate(update)) await postUpdate(docName, update, actingUserId);
  } finally {
    doc.destroy();
  }
}

function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/**
 * Sets a plan's status. The `plans` row is the authority (only the app writes it, after a
 * decision the workflow allows); the plan document mirrors it through the collab-server so
 * everyone online sees it at once. The row is written first: when the collab-server is
 * unreachable the decision still stands, and {@link mirrorPlanStatus} repairs the document later.
 * Returns false when the document could not be updated now.
 */
export async function setPlanStatus(
  db: Db,
  planId: string,
  status: PlanStatus,
  actingUserId: string,
): Promise<boolean> {
  await db
    .updateTable('plans')
    .set({ status, updated_at: new Date().toISOString() })
    .where('id', '=', planId)
    .execute();
  return mirrorPlanStatus(db, planId, actingUserId);
}

/**
 * Writes the status of the `plans` row into the plan document when the two differ (a mirror
 * write that failed, or a client that changed `meta.status` itself). Best effort: false when the
 * collab-server is unreachable, the row stays authoritative meanwhile.
 */
export async function mirrorPlanStatus(
  db: Db,
  planId: string,
  actingUserId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('plans')
    .select('status')
    .where('id', '=', planId)
    .executeTakeFirst();
  if (row === undefined) return true;
  try {
    await changePlanDocument(planDocumentName(planId), actingUserId, (doc) => {
      if (getMeta(doc).status !== row.status) updateMeta(doc, { status: row.status }, APP_ORIGIN);
    });
    return true;
  } catch (error) {
    if (error instanceof CollabUnavailableError) return false;
    throw error;
  }
}
