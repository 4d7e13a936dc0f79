import { getMeta, type PlanStatus } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage, MemberRole } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import type { Db } from './db.js';

/** One row of the plans list. */
export interface PlanListEntry {
  id: string;
  title: string;
  requestingUnit: string;
  facilitatorName: string;
  status: PlanStatus;
  /** ISO time of the last stored change of the document, or of the listing entry. */
  lastChange: string;
  archived: boolean;
  role: MemberRole;
  /** True when the user leads this plan (listed under "my plans"). */
  mine: boolean;
}

/**
 * The plans `userId` is a member of, most recently changed first. "Last change" is the document's
 * last stored change (storage's `lastUpdatedAt`) or the listing row's own, whichever is later.
 *
 * Title and requesting unit are edited on the board, i.e. in the plan document, which is
 * authoritative for them; the `plans` row holds them as of creation or the last rename in the
 * settings. A plan whose document changed after its row is shown with the document's values,
 * read from storage once per document change ({@link documentFields}); this load only reads.
 * The status is the other way round: the row is its authority (written only by the approval
 * workflow), the document a live mirror that any editor's client could change, so it is never
 * read from there.
 */
export async function listPlansForUser(
  db: Db,
  storage: DocumentStorage,
  userId: string,
): Promise<PlanListEntry[]> {
  const rows = await db
    .selectFrom('plan_members')
    .innerJoin('plans', 'plans.id', 'plan_members.plan_id')
    .innerJoin('users', 'users.id', 'plans.facilitator_id')
    .select([
      'plans.id',
      'plans.doc_name',
      'plans.title',
      'plans.requesting_unit',
      'plans.status',
      'plans.updated_at',
      'plans.archived_at',
      'plans.facilitator_id',
      'users.name as facilitator_name',
      'plan_members.role',
    ])
    .where('plan_members.user_id', '=', userId)
    .execute();
  const lastUpdates = await storage.lastUpdatedAt(rows.map((row) => row.doc_name));
  const entries: PlanListEntry[] = [];
  for (const row of rows) {
    const lastUpdate = lastUpdates.get(row.doc_name) ?? '';
    const documentNewer = lastUpdate > row.updated_at;
    const fields = documentNewer ? await documentFields(storage, row.doc_name, lastUpdate) : null;
    entries.push({
      id: row.id,
      title: fields?.title || row.title,
      requestingUnit: fields?.requestingUnit ?? row.requesting_unit,
      facilitatorName: row.facilitator_name,
      status: row.status,
      lastChange: documentNewer ? lastUpdate : row.updated_at,
      archived: row.archived_at !== null,
      role: row.role,
      mine: row.facilitator_id === userId,
    });
  }
  return entries.sort((a, b) =>
    a.lastChange < b.lastChange ? 1 : a.lastChange > b.lastChange ? -1 : 0,
  );
}

/** Title and requesting unit as the board edits them. */
export interface DocumentFields {
  title: string;
  requestingUnit: string;
}

/**
 * Title and requesting unit of a plan as its stored document has them now (the authority, see
 * {@link listPlansForUser}); `listed` (the `plans` row's copy) when the document is missing or
 * has no title. For forms that edit them, such as the settings.
 */
export async function currentPlanFields(
  storage: DocumentStorage,
  docName: string,
  listed: DocumentFields,
): Promise<DocumentFields> {
  const stamp = (await storage.lastUpdatedAt([docName])).get(docName);
  const fields = stamp === undefined ? null : await documentFields(storage, docName, stamp);
  return {
    title: fields?.title || listed.title,
    requestingUnit: fields?.requestingUnit ?? listed.requestingUnit,
  };
}

/**
 * Title and requesting unit of stored plan documents, by document, valid while the document's
 * last change is `stamp`: a list load reads a document only when it changed since the last one.
 */
const fieldsCache = new Map<string, { stamp: string; fields: DocumentFields | null }>();
const FIELDS_CACHE_MAX = 5000;

/** Title and requesting unit of the stored document; null when it is missing or not a plan. */
async function documentFields(
  storage: DocumentStorage,
  docName: string,
  stamp: string,
): Promise<DocumentFields | null> {
  const cached = fieldsCache.get(docName);
  if (cached !== undefined && cached.stamp === stamp) return cached.fields;
  const fields = await readFields(storage, docName);
  if (fieldsCache.size >= FIELDS_CACHE_MAX) fieldsCache.delete(fieldsCache.keys().next().value!);
  fieldsCache.set(docName, { stamp, fields });
  return fields;
}

async function readFields(
  storage: DocumentStorage,
  docName: string,
): Promise<DocumentFields | null> {
  const state = await storage.loadDocument(docName);
  if (state === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const meta = getMeta(doc);
    return meta.schemaVersion === 0
      ? null
      : { title: meta.title, requestingUnit: meta.requestingUnit };
  } finally {
    doc.destroy();
  }
}
