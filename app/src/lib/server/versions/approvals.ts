import { planDocumentName, can, REJECTION_REASON_MAX_LENGTH } from '@prozesswerkstatt/contract';
import type { Role } from '@prozesswerkstatt/contract';
import { cleanMultiline } from '@prozesswerkstatt/plan-model';
import type { Db } from '../db.js';
import { recordActivity } from './activity.js';
import { setPlanStatus } from './plan-status.js';
import { getVersionRow } from './versions.js';

/** The two sides that sign off a version: the facilitator and the requesting unit (an editor). */
export type SignOffRole = 'facilitator' | 'requesting_unit';

/** Why a workflow step was refused (the page shows a message for each). */
export type WorkflowRefusal =
  | 'not_found'
  | 'not_named'
  | 'not_in_review'
  | 'already_decided'
  | 'approved_immutable'
  | 'reason_required';

/** The side a member signs for, or null when their role may not sign. */
export function signOffRoleOf(role: Role): SignOffRole | null {
  if (!can(role, 'versions.signOff')) return null;
  return role === 'facilitator' ? 'facilitator' : 'requesting_unit';
}

type Outcome = { ok: true } | { ok: false; refusal: WorkflowRefusal };

/** Why a version cannot be approved or rejected now, or null when it is in review. */
async function refusalUnlessInReview(
  db: Db,
  planId: string,
  versionId: string,
): Promise<WorkflowRefusal | null> {
  const version = await getVersionRow(db, planId, versionId);
  if (!version) return 'not_found';
  if (version.status === 'approved') return 'approved_immutable';
  if (version.status !== 'in_review') return 'not_in_review';
  return null;
}

/** Stores one side's decision on a version (pass the caller's transaction). */
async function recordDecision(
  trx: Db,
  decision: {
    versionId: string;
    userId: string;
    side: SignOffRole;
    decision: 'approved' | 'rejected';
    reason: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('version_approvals')
    .values({
      version_id: decision.versionId,
      user_id: decision.userId,
      role: decision.side,
      decision: decision.decision,
      reason: decision.reason,
    })
    .execute();
}

/**
 * Submits a named version for approval (facilitators): it becomes `in_review`, every other version
 * in review goes back to draft (one proposal at a time, with its earlier decisions cleared), and
 * the plan's status becomes `in_review`.
 */
export async function submitVersion(
  db: Db,
  planId: string,
  versionId: string,
  userId: string,
): Promise<Outcome> {
  const version = await getVersionRow(db, planId, versionId);
  if (!version) return { ok: false, refusal: 'not_found' };
  if (version.status === 'approved') return { ok: false, refusal: 'approved_immutable' };
  if (version.kind !== 'named') return { ok: false, refusal: 'not_named' };
  if (version.status === 'in_review') return { ok: false, refusal: 'already_decided' };
  await db.transaction().execute(async (trx) => {
    const others = await trx
      .selectFrom('versions')
      .select('id')
      .where('doc_name', '=', planDocumentName(planId))
      .where('status', '=', 'in_review')
      .execute();
    for (const other of others) {
      await trx.deleteFrom('version_approvals').where('version_id', '=', other.id).execute();
      await trx
        .updateTable('versions')
        .set({ status: 'draft' })
        .where('id', '=', other.id)
        .execute();
    }
    await trx.deleteFrom('version_approvals').where('version_id', '=', versionId).execute();
    await trx
      .updateTable('versions')
      .set({ status: 'in_review', submitted_by: userId, submitted_at: new Date().toISOString() })
      .where('id', '=', versionId)
      .execute();
  });
  await setPlanStatus(db, planId, 'in_review', userId);
  await recordActivity(db, { planId, userId, kind: 'submitted', versionId });
  return { ok: true };
}

/**
 * Records one side's approval of a version in review. When both sides have approved, the version
 * becomes `approved` (from then on the database refuses any change to it) and so does the plan.
 * `approved` in the result is true for the request that completed the approval.
 */
export async function approveVersion(
  db: Db,
  planId: string,
  versionId: string,
  userId: string,
  side: SignOffRole,
): Promise<Outcome & { approved?: boolean }> {
  const notInReview = await refusalUnlessInReview(db, planId, versionId);
  if (notInReview) return { ok: false, refusal: notInReview };
  const inserted = await db.transaction().execute(async (trx) => {
    const decisions = await trx
      .selectFrom('version_approvals')
      .select(['user_id', 'role'])
      .where('version_id', '=', versionId)
      .execute();
    // Each side signs once, and one person cannot sign for both.
    if (decisions.some((d) => d.role === side || d.user_id === userId)) return false;
    await recordDecision(trx, { versionId, userId, side, decision: 'approved', reason: null });
    return true;
  });
  if (!inserted) return { ok: false, refusal: 'already_decided' };
  // Read again after commit: the other side may have approved at the same moment. The update is
  // conditional, so of two concurrent requests exactly one makes the version approved (the other
  // matches no row, and the immutability trigger never fires).
  const sides = await db
    .selectFrom('version_approvals')
    .select('role')
    .where('version_id', '=', versionId)
    .where('decision', '=', 'approved')
    .execute();
  const roles = new Set(sides.map((row) => row.role));
  let approved = false;
  if (roles.has('facilitator') && roles.has('requesting_unit')) {
    const result = await db
      .updateTable('versions')
      .set({ status: 'approved' })
      .where('id', '=', versionId)
      .where('status', '=', 'in_review')
      .executeTakeFirst();
    approved = Number(result.numUpdatedRows) === 1;
  }
  await recordActivity(db, {
    planId,
    userId,
    kind: 'approved',
    versionId,
    detail: approved ? 'complete' : side,
  });
  if (approved) await setPlanStatus(db, planId, 'approved', userId);
  return { ok: true, approved };
}

/** Rejects a version in review with a reason (either side); the plan goes back to draft. */
export async function rejectVersion(
  db: Db,
  planId: string,
  versionId: string,
  userId: string,
  side: SignOffRole,
  reason: string,
): Promise<Outcome> {
  const trimmed = cleanMultiline(reason).trim().slice(0, REJECTION_REASON_MAX_LENGTH);
  if (trimmed === '') return { ok: false, refusal: 'reason_required' };
  const notInReview = await refusalUnlessInReview(db, planId, versionId);
  if (notInReview) return { ok: false, refusal: notInReview };
  // Conditional on "in review": if the other side's approval completed a moment ago, the
  // version is approved now and this rejection changes nothing (the transaction rolls back).
  const rejected = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('versions')
      .set({ status: 'rejected' })
      .where('id', '=', versionId)
      .where('status', '=', 'in_review')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx
      .deleteFrom('version_approvals')
      .where('version_id', '=', versionId)
      .where('user_id', '=', userId)
      .execute();
    await recordDecision(trx, { versionId, userId, side, decision: 'rejected', reason: trimmed });
    return true;
  });
  if (!rejected) return { ok: false, refusal: 'approved_immutable' };
  await setPlanStatus(db, planId, 'draft', userId);
  await recordActivity(db, { planId, userId, kind: 'rejected', versionId, detail: trimmed });
  return { ok: true };
}

/** One recorded decision on a version. */
export interface Decision {
  versionId: string;
  userName: string;
  role: SignOffRole;
  decision: 'approved' | 'rejected';
  reason: string | null;
  at: string;
}

/** Every decision on the versions of a plan, oldest first. */
export async function listDecisions(db: Db, planId: string): Promise<Decision[]> {
  const rows = await db
    .selectFrom('version_approvals')
    .innerJoin('versions', 'versions.id', 'version_approvals.version_id')
    .leftJoin('users', 'users.id', 'version_approvals.user_id')
    .select([
      'version_approvals.version_id',
      'version_approvals.role',
      'version_approvals.decision',
      'version_approvals.reason',
      'version_approvals.created_at',
      'users.name as user_name',
    ])
    .where('versions.doc_name', '=', planDocumentName(planId))
    .orderBy('version_approvals.created_at', 'asc')
    .execute();
  return rows.map((row) => ({
    versionId: row.version_id,
    userName: row.user_name ?? '',
    role: row.role === 'facilitator' ? 'facilitator' : 'requesting_unit',
    decision: row.decision,
    reason: row.reason,
    at: new Date(row.created_at).toISOString(),
  }));
}

/**
 * The approved version that is binding now: the one approved last (a later approval supersedes
 * an earlier one), or null. Approved rows are never changed, so this is derived, not stored.
 */
export function bindingVersionId(
  decisions: readonly Decision[],
  approvedIds: ReadonlySet<string>,
): string | null {
  let binding: string | null = null;
  for (const decision of decisions) {
    if (decision.decision === 'approved' && approvedIds.has(decision.versionId)) {
      binding = decision.versionId;
    }
  }
  return binding;
}

/** The binding approved version of a plan now (see {@link bindingVersionId}), or null. */
export async function currentBindingVersionId(db: Db, planId: string): Promise<string | null> {
  const approved = await db
    .selectFrom('versions')
    .select('id')
    .where('doc_name', '=', planDocumentName(planId))
    .where('status', '=', 'approved')
    .execute();
  if (approved.length === 0) return null;
  return bindingVersionId(await listDecisions(db, planId), new Set(approved.map((row) => row.id)));
}
