import { updateMeta, type PlanStatus } from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { fetchSnapshot, postUpdate } from '../collab-internal.js';
import type { Db } from '../db.js';
import { APP_ORIGIN, planDocName } from '../plans.js';
import { docFromState } from './snapshot.js';

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
  const docName = planDocName(planId);
  const doc = docFromState(await fetchSnapshot(docName, actingUserId));
  try {
    const before = Y.encodeStateVector(doc);
    updateMeta(doc, { status }, APP_ORIGIN);
    await postUpdate(docName, Y.encodeStateAsUpdate(doc, before), actingUserId);
  } finally {
    doc.destroy();
  }
  await db
    .updateTable('plans')
    .set({ status, updated_at: new Date().toISOString() })
    .where('id', '=', planId)
    .execute();
}
