import { planFromJSON, updateMeta, type PlanJSON } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import type { Db } from '../db.js';
import { APP_ORIGIN, PLAN_TEXT_MAX_LENGTH, storeNewPlan } from '../plans.js';
import type { SessionUser } from '../users.js';

/**
 * Creates a new plan from a validated plan in JSON form: its content as in the file (ids kept:
 * they only need to be unique within a document), status reset to draft, created and changed
 * now, and the importing user as its facilitator member (and as the facilitator text when the
 * file names none). Returns the new plan's id.
 */
export async function importPlan(
  db: Db,
  storage: DocumentStorage,
  importer: SessionUser,
  plan: PlanJSON,
  untitled: string,
): Promise<string> {
  const doc = new Y.Doc();
  planFromJSON(doc, plan, APP_ORIGIN);
  const now = new Date().toISOString();
  updateMeta(
    doc,
    {
      status: 'draft',
      createdAt: now,
      updatedAt: now,
      facilitator: plan.meta.facilitator.trim() || importer.name,
    },
    APP_ORIGIN,
  );
  // The listing row keeps the app's shorter bound; the document keeps the full title.
  const title = (plan.meta.title.trim() || untitled).slice(0, PLAN_TEXT_MAX_LENGTH);
  const requestingUnit = plan.meta.requestingUnit.trim().slice(0, PLAN_TEXT_MAX_LENGTH);
  return storeNewPlan(db, storage, importer, doc, { title, requestingUnit });
}
