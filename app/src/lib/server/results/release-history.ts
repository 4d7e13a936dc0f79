/**
 * A plan's release requests for the overview page, with the names of who requested and who
 * signed off (storage keeps user ids). Names only: members see each other's names on the board
 * and in the version workflow already; e-mail addresses never travel here.
 */
import { listReleases, type ReleaseStatus } from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';

/** One row of the release history. */
export interface ReleaseEntry {
  id: string;
  status: ReleaseStatus;
  requestedById: string;
  /** The requester's display name; null for an account that no longer exists. */
  requestedBy: string | null;
  requestedAt: string;
  signedOffBy: string | null;
  releasedAt: string | null;
  itemCount: number;
}

/** The plan's releases, newest first, with names. */
export async function loadReleaseHistory(db: Db, planId: string): Promise<ReleaseEntry[]> {
  const releases = await listReleases(db, planId);
  const ids = [
    ...new Set(
      releases.flatMap((release) =>
        release.signedOffBy === null
          ? [release.requestedBy]
          : [release.requestedBy, release.signedOffBy],
      ),
    ),
  ];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return releases.map((release) => ({
    id: release.id,
    status: release.status,
    requestedById: release.requestedBy,
    requestedBy: names.get(release.requestedBy) ?? null,
    requestedAt: release.requestedAt,
    signedOffBy: release.signedOffBy === null ? null : (names.get(release.signedOffBy) ?? null),
    releasedAt: release.releasedAt,
    itemCount: release.itemCount,
  }));
}

/** The open request, if any (storage allows one at a time). */
export function openRequest(history: readonly ReleaseEntry[]): ReleaseEntry | null {
  return history.find((entry) => entry.status === 'requested') ?? null;
}
