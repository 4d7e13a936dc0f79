/**
 * Whether an approved plan still says what was approved. The `plans` row stays `approved` after
 * the approval (its status is the workflow's record), while people may go on editing the
 * document; every place that shows the status says "changed since approval (version …)" then.
 * "Changed" compares content (plan-model's `planContentKey`: everything but the status and its
 * time) of the stored document with the binding approved version, so an edit that is undone
 * again is no change, and the approval's own status write is none either.
 */
import { planDocumentName } from '@prozesswerkstatt/contract';
import { planContentKey, planToJSON, type PlanJSON } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import type { Db } from '../db.js';
import { currentBindingVersionId } from './approvals.js';

/** The approved version a plan has moved away from. */
export interface ApprovalDrift {
  versionId: string;
  versionLabel: string;
}

/** The binding approved version of a plan: its id, label and content key; null when none. */
export async function approvedContent(
  db: Db,
  planId: string,
): Promise<{ versionId: string; versionLabel: string; contentKey: string } | null> {
  const versionId = await currentBindingVersionId(db, planId);
  if (versionId === null) return null;
  const row = await db
    .selectFrom('versions')
    .select(['label', 'canonical_json'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const plan = JSON.parse(row.canonical_json) as PlanJSON;
  return { versionId, versionLabel: row.label, contentKey: planContentKey(plan) };
}

/** True when the plan's row (the workflow's record) says approved. */
async function isApproved(db: Db, planId: string): Promise<boolean> {
  const row = await db
    .selectFrom('plans')
    .select('status')
    .where('id', '=', planId)
    .executeTakeFirst();
  return row?.status === 'approved';
}

/**
 * The approved version `current` differs from, or null: when the plan is not approved, has no
 * approved version, or still has exactly its content.
 */
export async function approvalDrift(
  db: Db,
  planId: string,
  current: PlanJSON,
): Promise<ApprovalDrift | null> {
  if (!(await isApproved(db, planId))) return null;
  return driftFrom(db, planId, current);
}

async function driftFrom(db: Db, planId: string, current: PlanJSON): Promise<ApprovalDrift | null> {
  const approved = await approvedContent(db, planId);
  if (approved === null || approved.contentKey === planContentKey(current)) return null;
  return { versionId: approved.versionId, versionLabel: approved.versionLabel };
}

/**
 * {@link approvalDrift} of the plan as stored now (its document is loaded only when the plan is
 * approved); null when its document is missing.
 */
export async function storedApprovalDrift(
  db: Db,
  storage: DocumentStorage,
  planId: string,
): Promise<ApprovalDrift | null> {
  if (!(await isApproved(db, planId))) return null;
  const state = await storage.loadDocument(planDocumentName(planId));
  if (state === null) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return await driftFrom(db, planId, planToJSON(doc));
  } finally {
    doc.destroy();
  }
}

/**
 * Drift results of the plans list, by plan, valid while the document's newest stored change and
 * the plan row's last change (a status step) are the same: the list then loads only approved
 * documents that changed since it last looked.
 */
const listCache = new Map<string, { stamp: string; drift: ApprovalDrift | null }>();
const LIST_CACHE_MAX = 5000;

/** {@link storedApprovalDrift} for the plans list, remembered per document change. */
export async function listedApprovalDrift(
  db: Db,
  storage: DocumentStorage,
  planId: string,
  stamp: string,
): Promise<ApprovalDrift | null> {
  const cached = listCache.get(planId);
  if (cached !== undefined && cached.stamp === stamp) return cached.drift;
  const drift = await storedApprovalDrift(db, storage, planId);
  if (listCache.size >= LIST_CACHE_MAX) listCache.delete(listCache.keys().next().value!);
  listCache.set(planId, { stamp, drift });
  return drift;
}
