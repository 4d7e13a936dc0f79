/**
 * What an export is made of: the current plan from storage, or one stored version verified
 * against its SHA-256, with its approval record. The only place exports read versions, so the
 * versions module can take this over later without touching the endpoints.
 */
import {
  parsePlanJSON,
  planToJSON,
  toCanonicalJSON,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import type { ExportApproval, ExportThread, ExportVersion } from '@prozesswerkstatt/plan-export';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { titlesOfPlan } from '../../comments/plan-titles.js';
import {
  listThreadsForExport,
  listVersionOpenThreads,
  openThreadIdsOf,
} from '../comment-versions.js';
import type { Db } from '../db.js';

/** A plan ready to be exported. */
export interface ExportSource {
  plan: PlanJSON;
  /** The canonical JSON the plan was read from (the stored one for a version). */
  canonicalJSON: string;
  version?: ExportVersion & { id: string };
  approvals?: ExportApproval[];
  /** Comment threads open at the version's time (or now, for the current plan). */
  openThreads?: ExportThread[];
}

/** Why there is nothing to export: no such version of this plan, or stored content is damaged. */
export type ExportSourceProblem = 'version_not_found' | 'integrity' | 'document_missing';

/** The outcome of {@link loadExportSource}. */
export type ExportSourceResult =
  { ok: true; source: ExportSource } | { ok: false; problem: ExportSourceProblem };

/**
 * The plan stored under `docName`, or the version `versionId` of it. A version must belong to
 * this document, its canonical JSON must hash to the stored SHA-256 and be a valid plan;
 * otherwise the export is refused (`integrity`) rather than delivering content that is not what
 * was approved.
 */
export async function loadExportSource(
  db: Db,
  storage: DocumentStorage,
  docName: string,
  versionId?: string | null,
): Promise<ExportSourceResult> {
  const result =
    versionId === undefined || versionId === null || versionId === ''
      ? await loadCurrent(storage, docName)
      : await loadVersion(db, docName, versionId);
  if (!result.ok) return result;
  const { source } = result;
  const threadIds = source.version
    ? await listVersionOpenThreads(db, source.version.id)
    : await openThreadIdsOf(db, docName);
  source.openThreads = await listThreadsForExport(db, threadIds, {
    titleOf: titlesOfPlan(source.plan),
    until: source.version?.createdAt,
  });
  return result;
}

async function loadCurrent(storage: DocumentStorage, docName: string): Promise<ExportSourceResult> {
  const state = await storage.loadDocument(docName);
  if (state === null) return { ok: false, problem: 'document_missing' };
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return { ok: true, source: { plan: planToJSON(doc), canonicalJSON: toCanonicalJSON(doc) } };
  } finally {
    doc.destroy();
  }
}

async function loadVersion(
  db: Db,
  docName: string,
  versionId: string,
): Promise<ExportSourceResult> {
  const row = await db
    .selectFrom('versions')
    .leftJoin('users', 'users.id', 'versions.author_id')
    .select([
      'versions.id',
      'versions.label',
      'versions.note',
      'versions.canonical_json',
      'versions.sha256',
      'versions.status',
      'versions.created_at',
      'users.name as author_name',
    ])
    .where('versions.id', '=', versionId)
    .where('versions.doc_name', '=', docName)
    .executeTakeFirst();
  if (row === undefined) return { ok: false, problem: 'version_not_found' };
  const plan = await verifiedPlan(row.canonical_json, row.sha256);
  if (plan === null) return { ok: false, problem: 'integrity' };
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
    .where('version_approvals.version_id', '=', row.id)
    .orderBy('version_approvals.created_at')
    .orderBy('version_approvals.role')
    .execute();
  return {
    ok: true,
    source: {
      plan,
      canonicalJSON: row.canonical_json,
      version: {
        id: row.id,
        label: row.label,
        note: row.note ?? '',
        createdAt: row.created_at,
        authorName: row.author_name ?? '',
        sha256: row.sha256,
        status: row.status,
      },
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

/** Hex SHA-256 of a string's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The plan in `canonicalJSON` when it hashes to `sha256` (what `hashPlan` computed when the
 * version was taken) and is a valid plan; null otherwise.
 */
async function verifiedPlan(canonicalJSON: string, sha256: string): Promise<PlanJSON | null> {
  if ((await sha256Hex(canonicalJSON)) !== sha256.toLowerCase()) return null;
  try {
    return parsePlanJSON(JSON.parse(canonicalJSON));
  } catch {
    return null;
  }
}
