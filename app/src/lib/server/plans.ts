import { planDocumentName, PLAN_TEXT_MAX_LENGTH } from '@prozesswerkstatt/contract';
import { cleanLine, initPlan, updateMeta, getMeta } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { z } from 'zod';
import type { Db } from './db.js';
import { newId } from './tokens.js';
import type { SessionUser } from './users.js';

/** Transaction origin of the app's own writes to a plan document. */
export const APP_ORIGIN = 'app-server';

/** Title and requesting unit, as the create and rename forms send them. */
export const planFieldsSchema = z.object({
  title: z
    .string()
    .overwrite(cleanLine)
    .trim()
    .min(1, { error: 'title_required' })
    .max(PLAN_TEXT_MAX_LENGTH, { error: 'title_too_long' }),
  requestingUnit: z
    .string()
    .overwrite(cleanLine)
    .trim()
    .max(PLAN_TEXT_MAX_LENGTH, { error: 'unit_too_long' }),
});

/** What can be wrong with the plan fields, by field. */
export type PlanFieldErrors = Partial<
  Record<'title' | 'requestingUnit', 'title_required' | 'title_too_long' | 'unit_too_long'>
>;

/** Parses the plan form; errors name the field. */
export function parsePlanFields(
  input: unknown,
): { ok: true; value: z.infer<typeof planFieldsSchema> } | { ok: false; errors: PlanFieldErrors } {
  const parsed = planFieldsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: PlanFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'title')
      errors.title ??= issue.message === 'title_too_long' ? 'title_too_long' : 'title_required';
    if (field === 'requestingUnit') errors.requestingUnit ??= 'unit_too_long';
  }
  return { ok: false, errors };
}

/**
 * Creates a plan: a new document `plans/<id>` initialised on the server (plan-model `initPlan`,
 * stored as its first update, so no two browsers ever initialise it), its listing row, and the
 * creator as its facilitator member. Returns the plan id.
 */
export async function createPlan(
  db: Db,
  storage: DocumentStorage,
  creator: SessionUser,
  fields: { title: string; requestingUnit: string },
): Promise<string> {
  const doc = new Y.Doc();
  initPlan(
    doc,
    { title: fields.title, requestingUnit: fields.requestingUnit, facilitator: creator.name },
    APP_ORIGIN,
  );
  return storeNewPlan(db, storage, creator, doc, fields);
}

/**
 * Stores a plan document prepared on the server (a new or an imported plan) as the first
 * update of a new document `plans/<id>`, then its listing row and `creator` as facilitator
 * member. Destroys `doc`. Returns the plan id. Used by {@link createPlan} and the JSON import.
 */
export async function storeNewPlan(
  db: Db,
  storage: DocumentStorage,
  creator: SessionUser,
  doc: Y.Doc,
  fields: { title: string; requestingUnit: string },
): Promise<string> {
  const id = newId();
  const docName = planDocumentName(id);
  // The document first: a listing row without its document would open an empty board.
  await storage.appendUpdates(docName, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values({
        id,
        doc_name: docName,
        title: fields.title,
        requesting_unit: fields.requestingUnit,
        facilitator_id: creator.id,
      })
      .execute();
    await trx
      .insertInto('plan_members')
      .values({ plan_id: id, user_id: creator.id, role: 'facilitator' })
      .execute();
  });
  return id;
}

/**
 * Writes a change into a plan document. The default appends it straight to storage (tests, and
 * no collab-server); the app passes one that goes through the collab-server, so a loaded room and
 * everyone online see it at once (`changePlanDocument` in `versions/plan-status.ts`).
 */
export type PlanDocumentWriter = (docName: string, change: (doc: Y.Doc) => void) => Promise<void>;

/** A {@link PlanDocumentWriter} that appends the change to the stored document. */
export function storageWriter(storage: DocumentStorage): PlanDocumentWriter {
  return async (docName, change) => {
    const doc = new Y.Doc();
    try {
      const stored = await storage.loadDocument(docName);
      if (stored !== null) Y.applyUpdate(doc, stored);
      const before = Y.encodeStateVector(doc);
      change(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      const { structs, ds } = Y.decodeUpdate(update);
      if (structs.length > 0 || ds.clients.size > 0) await storage.appendUpdates(docName, [update]);
    } finally {
      doc.destroy();
    }
  };
}

/**
 * Renames a plan. The plan document is authoritative for the board (it holds `meta.title` and
 * `meta.requestingUnit`); the `plans` row is the listing's copy. Both are written: the document
 * through `write` (by default straight to storage, see {@link PlanDocumentWriter}).
 */
export async function renamePlan(
  db: Db,
  storage: DocumentStorage,
  planId: string,
  fields: { title: string; requestingUnit: string },
  write: PlanDocumentWriter = storageWriter(storage),
): Promise<void> {
  const plan = await db
    .selectFrom('plans')
    .select('doc_name')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  await write(plan.doc_name, (doc) => {
    const meta = getMeta(doc);
    if (meta.title !== fields.title || meta.requestingUnit !== fields.requestingUnit) {
      updateMeta(doc, { title: fields.title, requestingUnit: fields.requestingUnit }, APP_ORIGIN);
    }
  });
  await db
    .updateTable('plans')
    .set({
      title: fields.title,
      requesting_unit: fields.requestingUnit,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', planId)
    .execute();
}

/** Archives (hides from the default list) or restores a plan. */
export async function setArchived(db: Db, planId: string, archived: boolean): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('plans')
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where('id', '=', planId)
    .execute();
}
