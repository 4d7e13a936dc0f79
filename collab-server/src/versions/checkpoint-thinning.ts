/** A stored checkpoint as the thinning rule sees it. */
export interface CheckpointStamp {
  id: string;
  /** ISO time it was taken. */
  createdAt: string;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which checkpoints to delete so that the older they are, the sparser they get: all of the last
 * 24 hours are kept, then the newest of each hour up to 7 days, then the newest of each day.
 * (Named versions, versions saved before a restore and anything submitted or approved are never
 * passed in: only automatic checkpoints are thinned.) Pure; `now` in ms since the epoch.
 */
export function checkpointsToThin(checkpoints: readonly CheckpointStamp[], now: number): string[] {
  const newestFirst = [...checkpoints].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keptBuckets = new Set<string>();
  const remove: string[] = [];
  for (const checkpoint of newestFirst) {
    const time = Date.parse(checkpoint.createdAt);
    const age = now - time;
    if (!Number.isFinite(time) || age < DAY_MS) continue;
    const bucket =
      age < 7 * DAY_MS ? `h${Math.floor(time / HOUR_MS)}` : `d${Math.floor(time / DAY_MS)}`;
    if (keptBuckets.has(bucket)) remove.push(checkpoint.id);
    else keptBuckets.add(bucket);
  }
  return remove;
}
