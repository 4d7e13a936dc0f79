import { updateMeta, type PlanStatus } from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { fetchSnapshot, postUpdate } from '../collab-internal.js';
import type { Db } from '../db.js';
import { APP_ORIGIN, planDocName } from '../plans.js';
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
 * Sets a plan's status in its document, through the collab-server so that everyone online sees
 * it at once, and in the `plans` row that the plans list reads.
 */
export async function setPlanStatus(
  db: Db,
  planId: string,
  status: PlanStatus,
  actingUserId: string,
): Promise<void> {
  await changePlanDocument(planDocName(planId), actingUserId, (doc) =>
    updateMeta(doc, { status }, APP_ORIGIN),
  );
  await db
    .updateTable('plans')
    .set({ status, updated_at: new Date().toISOString() })
    .where('id', '=', planId)
    .execute();
}
