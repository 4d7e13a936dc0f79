import {
  planDocumentName,
  mayReadVersion,
  VERSION_LABEL_MAX_LENGTH,
  VERSION_NOTE_MAX_LENGTH,
} from '@prozesswerkstatt/contract';
import type { Role } from '@prozesswerkstatt/contract';
import {
  checkGuidelines,
  GUIDELINE_RULES_VERSION,
  storeGuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import {
  cleanLine,
  cleanMultiline,
  readStoredPlanJSON,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import {
  recordDecisions,
  recordOpenThreads,
  type VersionKind,
  type VersionRow,
  type VersionStatus,
} from '@prozesswerkstatt/storage';
import { z } from 'zod';
import { fetchSnapshot } from '../collab-internal.js';
import type { Db } from '../db.js';
import { newId } from '../tokens.js';
import { recordActivity } from './activity.js';
import { checkIntegrity, describeState, type IntegrityResult } from './snapshot.js';

/** Label and note as the save form sends them. */
export const versionFieldsSchema = z.object({
  label: z
    .string()
    .overwrite(cleanLine)
    .trim()
    .min(1, { error: 'label_required' })
    .max(VERSION_LABEL_MAX_LENGTH, { error: 'label_too_long' }),
  note: z
    .string()
    .overwrite(cleanMultiline)
    .trim()
    .max(VERSION_NOTE_MAX_LENGTH, { error: 'note_too_long' }),
});

/** What can be wrong with the version form, by field. */
export type VersionFieldErrors = Partial<
  Record<'label' | 'note', 'label_required' | 'label_too_long' | 'note_too_long'>
>;

/** Parses the version form; errors name the field. */
export function parseVersionFields(
  input: unknown,
):
  { ok: true; value: { label: string; note: string } } | { ok: false; errors: VersionFieldErrors } {
  const parsed = versionFieldsSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: VersionFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'label')
      errors.label ??= issue.message === 'label_too_long' ? 'label_too_long' : 'label_required';
    if (field === 'note') errors.note ??= 'note_too_long';
  }
  return { ok: false, errors };
}

/**
 * Saves a version of a plan from the collab-server's authoritative state (everything it received
 * before the call, including edits a moment before), or from `state` when the caller already took
 * the snapshot. Returns the stored row.
 */
export async function saveVersion(
  db: Db,
  planId: string,
  input: { kind: VersionKind; label: string; note: string | null; authorId: string },
  state?: Uint8Array,
): Promise<VersionRow> {
  const docName = planDocumentName(planId);
  const snapshot = await describeState(state ?? (await fetchSnapshot(docName, input.authorId)));
  const id = newId();
  await db
    .insertInto('versions')
    .values({
      id,
      doc_name: docName,
      kind: input.kind,
      label: input.label,
      note: input.note === '' ? null : input.note,
      state: snapshot.state,
      canonical_json: snapshot.canonicalJson,
      sha256: snapshot.sha256,
      author_id: input.authorId,
      status: 'draft',
      // The check as it comes out now, kept with the version (the rules may change later).
      guideline_check: storeGuidelineCheck(
        checkGuidelines(readStoredPlanJSON(JSON.parse(snapshot.canonicalJson))),
      ),
      guideline_rules_version: GUIDELINE_RULES_VERSION,
    })
    .execute();
  await recordOpenThreads(db, id, docName);
  await recordDecisions(db, id, docName);
  if (input.kind === 'named') {
    await recordActivity(db, { planId, userId: input.authorId, kind: 'saved', versionId: id });
  }
  return getVersionRow(db, planId, id) as Promise<VersionRow>;
}

/** A version of this plan (never one of another plan), or undefined. */
export async function getVersionRow(
  db: Db,
  planId: string,
  versionId: string,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('versions')
    .selectAll()
    .where('id', '=', versionId)
    .where('doc_name', '=', planDocumentName(planId))
    .executeTakeFirst();
}

/** A version as lists show it (no state, no JSON). */
export interface VersionSummary {
  id: string;
  kind: VersionKind;
  label: string;
  note: string | null;
  authorName: string;
  createdAt: string;
  status: VersionStatus;
  sha256: string;
  submittedAt: string | null;
}

/** Every version of a plan, newest first. */
export async function listVersions(db: Db, planId: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom('versions')
    .leftJoin('users', 'users.id', 'versions.author_id')
    .select([
      'versions.id',
      'versions.kind',
      'versions.label',
      'versions.note',
      'versions.created_at',
      'versions.status',
      'versions.sha256',
      'versions.submitted_at',
      'users.name as author_name',
    ])
    .where('versions.doc_name', '=', planDocumentName(planId))
    .orderBy('versions.created_at', 'desc')
    .orderBy('versions.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    label: row.label,
    note: row.note,
    authorName: row.author_name ?? '',
    createdAt: new Date(row.created_at).toISOString(),
    status: row.status,
    sha256: row.sha256,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
  }));
}

/**
 * Changes label and note of a version. Not checked here whether it is approved: the database
 * refuses to change an approved version (the caller maps that error to a message).
 */
export async function renameVersion(
  db: Db,
  planId: string,
  versionId: string,
  fields: { label: string; note: string },
): Promise<boolean> {
  const result = await db
    .updateTable('versions')
    .set({ label: fields.label, note: fields.note === '' ? null : fields.note })
    .where('id', '=', versionId)
    .where('doc_name', '=', planDocumentName(planId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The status to show: an approved version stays `approved` in the database forever; a later
 * approval supersedes it, which is derived here (only the newest approved version is current).
 */
export function displayedStatus(
  version: { id: string; status: VersionStatus },
  currentApprovedId: string | null,
): VersionStatus {
  if (version.status === 'approved' && version.id !== currentApprovedId) return 'superseded';
  return version.status;
}

/** A version read for showing or exporting it, after its integrity check. */
export type VerifiedVersion =
  | { found: false }
  | { found: true; version: VersionRow; integrity: 'ok'; plan: PlanJSON }
  | { found: true; version: VersionRow; integrity: Exclude<IntegrityResult, 'ok'>; plan: null };

/**
 * A version of this plan with its hash checked (for every page or export that shows one): the
 * plan in JSON form only when the check passes; otherwise the caller shows an integrity error.
 * With `readerRole`, a version that role may not read is not found.
 */
export async function getVerifiedVersion(
  db: Db,
  planId: string,
  versionId: string,
  readerRole?: Role,
): Promise<VerifiedVersion> {
  const version = await getVersionRow(db, planId, versionId);
  if (!version) return { found: false };
  if (readerRole !== undefined && !mayReadVersion(readerRole, version.status)) {
    return { found: false };
  }
  const integrity = checkIntegrity(version);
  if (integrity !== 'ok') return { found: true, version, integrity, plan: null };
  return {
    found: true,
    version,
    integrity,
    plan: readStoredPlanJSON(JSON.parse(version.canonical_json)),
  };
}
