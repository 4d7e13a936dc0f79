/**
 * What an export is made of: the current plan from storage, or one stored version verified by
 * the versions module, with its approval record and the comment threads open at that moment.
 */
import { planDocumentName } from '@prozesswerkstatt/contract';
import type { Role } from '@prozesswerkstatt/contract';
import { planToJSON, toCanonicalJSON, type PlanJSON } from '@prozesswerkstatt/plan-model';
import type { ExportApproval, ExportThread, ExportVersion } from '@prozesswerkstatt/plan-export';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { titlesOfPlan } from '../../comments/plan-titles.js';
import { listOpenThreadsForExport, listVersionThreadsForExport } from '../comment-versions.js';
import type { Db } from '../db.js';
import { approvalDrift } from '../versions/approval-drift.js';
import { currentBindingVersionId } from '../versions/approvals.js';
import {
  versionGuidelineCheck,
  type VersionGuidelineCheck,
} from '../versions/version-guideline-check.js';
import { displayedStatus, getVerifiedVersion } from '../versions/versions.js';

/** A plan ready to be exported. */
export interface ExportSource {
  plan: PlanJSON;
  /** The canonical JSON the plan was read from (the stored one for a version). */
  canonicalJSON: string;
  /** Label of the approved version the current plan has changed since (see approval-drift). */
  changedSinceApproval?: string;
  version?: ExportVersion & { id: string };
  approvals?: ExportApproval[];
  /** Comment threads open at the version's time (or now, for the current plan). */
  openThreads?: ExportThread[];
  /** A version's guideline check: the stored one, or recomputed for an old version. */
  guidelineCheck?: VersionGuidelineCheck;
}

/** Why there is nothing to export: no such version of this plan, or stored content is damaged. */
export type ExportSourceProblem = 'version_not_found' | 'integrity' | 'document_missing';

/** The outcome of {@link loadExportSource}. */
export type ExportSourceResult =
  { ok: true; source: ExportSource } | { ok: false; problem: ExportSourceProblem };

/**
 * The plan `planId` as stored now, or its version `versionId`. A version must belong to this
 * plan and pass the versions module's integrity check (its canonical JSON hashes to the stored
 * SHA-256 and its Yjs state still gives that JSON); otherwise the export is refused (`integrity`)
 * rather than delivering content that is not what was approved.
 */
export async function loadExportSource(
  db: Db,
  storage: DocumentStorage,
  planId: string,
  versionId?: string | null,
  readerRole?: Role,
): Promise<ExportSourceResult> {
  const result =
    versionId === undefined || versionId === null || versionId === ''
      ? await loadCurrent(db, storage, planId)
      : await loadVersion(db, planId, versionId, readerRole);
  if (!result.ok) return result;
  const { source } = result;
  const titleOf = titlesOfPlan(source.plan);
  source.openThreads = source.version
    ? await listVersionThreadsForExport(db, source.version.id, { titleOf })
    : await listOpenThreadsForExport(db, planId, titleOf);
  return result;
}

/**
 * The plan as stored now. Its status is the `plans` row's (the approval workflow's record; the
 * document only mirrors it), and says when an approved plan changed since; the JSON file stays
 * the document's canonical JSON, byte for byte.
 */
async function loadCurrent(
  db: Db,
  storage: DocumentStorage,
  planId: string,
): Promise<ExportSourceResult> {
  const state = await storage.loadDocument(planDocumentName(planId));
  if (state === null) return { ok: false, problem: 'document_missing' };
  const row = await db
    .selectFrom('plans')
    .select('status')
    .where('id', '=', planId)
    .executeTakeFirst();
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const plan = planToJSON(doc);
    if (row) plan.meta.status = row.status;
    const drift = await approvalDrift(db, planId, plan);
    return {
      ok: true,
      source: {
        plan,
        canonicalJSON: toCanonicalJSON(doc),
        ...(drift ? { changedSinceApproval: drift.versionLabel } : {}),
      },
    };
  } finally {
    doc.destroy();
  }
}

async function loadVersion(
  db: Db,
  planId: string,
  versionId: string,
  readerRole?: Role,
): Promise<ExportSourceResult> {
  const verified = await getVerifiedVersion(db, planId, versionId, readerRole);
  if (!verified.found) return { ok: false, problem: 'version_not_found' };
  if (verified.plan === null) return { ok: false, problem: 'integrity' };
  const { version, plan } = verified;
  const author = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', version.author_id)
    .executeTakeFirst();
  const approvals = await db
    .selectFrom('version_approvals')
    .leftJoin('users', 'users.id', 'version_approvals.user_id')
    .select([
      'version_approvals.role',
      'version_approvals.decision',
      'version_approvals.reason',
      'version_approvals.created_at',
      'users.name as user_name',
    ])
    .where('version_approvals.version_id', '=', version.id)
    .orderBy('version_approvals.created_at')
    .orderBy('version_approvals.role')
    .execute();
  return {
    ok: true,
    source: {
      plan,
      canonicalJSON: version.canonical_json,
      version: {
        id: version.id,
        label: version.label,
        note: version.note ?? '',
        createdAt: version.created_at,
        authorName: author?.name ?? '',
        sha256: version.sha256,
        // An approved version stays "approved" in its row; superseded is derived (as on its page).
        status: displayedStatus(version, await currentBindingVersionId(db, planId)),
      },
      guidelineCheck: versionGuidelineCheck(version, plan),
      approvals: approvals.map((a) => ({
        userName: a.user_name ?? '',
        role: a.role,
        decision: a.decision,
        reason: a.reason ?? '',
        at: a.created_at,
      })),
    },
  };
}
