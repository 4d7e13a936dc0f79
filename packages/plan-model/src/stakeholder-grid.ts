/**
 * The stakeholder grid (power/interest, after Mendelow): which quadrant a stakeholder's ratings
 * put it in, and which formats reach each stakeholder. Pure functions over read records (or their
 * JSON form), so the board, exports and checks all draw the same conclusions.
 */

/** The four quadrants, from the most attention a stakeholder needs to the least. */
export const GRID_QUADRANTS = [
  'manage_closely',
  'keep_satisfied',
  'keep_informed',
  'monitor',
] as const;

/** One quadrant of the power/interest grid. */
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

/** The ratings of power and interest, low to high. */
export const GRID_RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * The lowest rating that counts as high. The middle value 3 counts as high: a stakeholder rated
 * "medium" is one to give attention to rather than only watch, since overlooking a group costs a
 * process more than involving it a little too much. So the high side spans 3–5 and the low side
 * 1–2 on both axes; the board draws the quadrant borders between 2 and 3.
 */
export const GRID_HIGH_FROM = 3;

/** A stakeholder's position on the grid. */
export interface GridPosition {
  power: number;
  interest: number;
}

/** True when a rating (1–5) counts as high. */
export function isHighRating(rating: number): boolean {
  return rating >= GRID_HIGH_FROM;
}

/**
 * The quadrant of a position: manage closely (high power, high interest), keep satisfied (high
 * power, low interest), keep informed (low power, high interest), monitor (low, low).
 */
export function gridQuadrant({ power, interest }: GridPosition): GridQuadrant {
  if (isHighRating(power)) return isHighRating(interest) ? 'manage_closely' : 'keep_satisfied';
  return isHighRating(interest) ? 'keep_informed' : 'monitor';
}

/** A rating moved by `delta` and kept within 1–5. */
export function stepRating(rating: number, delta: number): number {
  const first = GRID_RATINGS[0];
  const last = GRID_RATINGS[GRID_RATINGS.length - 1]!;
  return Math.min(last, Math.max(first, Math.round(rating + delta)));
}

/** What `stakeholderReach` needs of a format: its id and the stakeholders it targets. */
export interface ReachingFormat {
  id: string;
  targetStakeholderIds: readonly string[];
}

/** One stakeholder with the formats that reach it, in the order the formats were given. */
export interface StakeholderReach<S, F> {
  stakeholder: S;
  formats: F[];
  /** False when no format targets this stakeholder: the board flags it. */
  reached: boolean;
}

/**
 * For each stakeholder (in the given order) the formats whose `targetStakeholderIds` name it.
 * A format that names a stakeholder twice counts once; targets naming no given stakeholder (e.g.
 * one removed concurrently) are ignored.
 */
export function stakeholderReach<S extends { id: string }, F extends ReachingFormat>(
  stakeholders: readonly S[],
  formats: readonly F[],
): StakeholderReach<S, F>[] {
  const byStakeholder = new Map<string, F[]>(stakeholders.map((s) => [s.id, []]));
  for (const format of formats) {
    for (const id of new Set(format.targetStakeholderIds)) byStakeholder.get(id)?.push(format);
  }
  return stakeholders.map((stakeholder) => {
    const reaching = byStakeholder.get(stakeholder.id) ?? [];
    return { stakeholder, formats: reaching, reached: reaching.length > 0 };
  });
}

/** The stakeholders no format reaches, in the given order. */
export function unreachedStakeholders<S extends { id: string }>(
  stakeholders: readonly S[],
  formats: readonly ReachingFormat[],
): S[] {
  return stakeholderReach(stakeholders, formats)
    .filter((entry) => !entry.reached)
    .map((entry) => entry.stakeholder);
}
