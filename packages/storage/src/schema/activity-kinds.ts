/**
 * What a plan's activity log records: `joined` (opened the board), `edited` (changed the plan,
 * recorded at most once a minute per person), `saved` (a named version), `checkpoint` (an
 * automatic one), `submitted`, `approved`, `rejected`, `restored`, `exported`.
 */
export const ACTIVITY_KINDS = [
  'joined',
  'edited',
  'saved',
  'checkpoint',
  'submitted',
  'approved',
  'rejected',
  'restored',
  'exported',
] as const;

/** One kind of activity. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
