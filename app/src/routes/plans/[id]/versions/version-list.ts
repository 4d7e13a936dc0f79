import { planDocumentName, mayReadVersion } from '@prozesswerkstatt/contract';
import type { Role } from '@prozesswerkstatt/contract';
import type { VersionStatus } from '@prozesswerkstatt/storage';
import { createHash } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { contributorsBetween, listEdits } from '$lib/server/versions/activity';
import { bindingVersionId, listDecisions, type Decision } from '$lib/server/versions/approvals';
import { displayedStatus, listVersions, type VersionSummary } from '$lib/server/versions/versions';

/** One row of the versions list. */
export interface VersionListEntry extends Omit<VersionSummary, 'status'> {
  status: VersionStatus;
  /** The hash of the stored canonical JSON checks out. */
  intact: boolean;
  /** Who edited between the previous entry of the same list and this one. */
  contributors: string[];
  decisions: Decision[];
}

/**
 * The versions of a plan for the list page: named ones (and those saved before a restore) apart
 * from automatic checkpoints, each with its derived status (approved / superseded), its decisions,
 * its contributors and the result of its hash check.
 */
export async function loadVersionList(db: Db, planId: string, readerRole: Role) {
  const [all, decisions, edits, hashes] = await Promise.all([
    listVersions(db, planId),
    listDecisions(db, planId),
    listEdits(db, planId),
    storedHashes(db, planId),
  ]);
  const approvedIds = new Set(all.filter((v) => v.status === 'approved').map((v) => v.id));
  const versions = all.filter((v) => mayReadVersion(readerRole, v.status));
  const bindingId = bindingVersionId(decisions, approvedIds);
  const toEntries = (list: VersionSummary[]): VersionListEntry[] =>
    list.map((version, index) => ({
      ...version,
      status: displayedStatus(version, bindingId),
      intact: hashes.get(version.id) === true,
      contributors: contributorsBetween(
        edits,
        list[index + 1]?.createdAt ?? null,
        version.createdAt,
      ),
      decisions: decisions.filter((d) => d.versionId === version.id),
    }));
  return {
    versions: toEntries(versions.filter((v) => v.kind !== 'checkpoint')),
    checkpoints: toEntries(versions.filter((v) => v.kind === 'checkpoint')),
    bindingId,
  };
}

/** Whether each version's stored hash matches its stored canonical JSON. */
async function storedHashes(db: Db, planId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('versions')
    .select(['id', 'sha256', 'canonical_json'])
    .where('doc_name', '=', planDocumentName(planId))
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      createHash('sha256').update(row.canonical_json).digest('hex') === row.sha256,
    ]),
  );
}
