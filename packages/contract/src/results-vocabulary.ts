/**
 * The fixed vocabularies of participation results: storage's CHECK constraints, table types and
 * validation, the importers' status mapping and the app's labels all read them from here. Append
 * only: a removed value would make stored rows invalid.
 */

/** How a contribution reached the administration. */
export const CONTRIBUTION_CHANNELS = [
  'platform',
  'workshop',
  'letter',
  'email',
  'survey',
  'phone',
  'other',
] as const;
export type ContributionChannel = (typeof CONTRIBUTION_CHANNELS)[number];

/** Who wrote it. */
export const AUTHOR_KINDS = ['person', 'organisation', 'public_body', 'anonymous'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** Internal workflow state, apart from the public decision. */
export const CONTRIBUTION_STATES = [
  'new',
  'in_review',
  'answered',
  'approved',
  'published',
] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** The public decision on a fixed scale. */
export const DECISIONS = [
  'adopted',
  'partly_adopted',
  'not_adopted',
  'noted',
  'out_of_scope',
  'duplicate_of',
] as const;
export type Decision = (typeof DECISIONS)[number];

/** Decisions that need no reason; every other one does. */
export const DECISIONS_WITHOUT_REASON: readonly Decision[] = ['adopted'];

/** True when `decision` needs a reason before it may be released. */
export function reasonRequired(decision: Decision): boolean {
  return !DECISIONS_WITHOUT_REASON.includes(decision);
}

/** Which kind of plan element a decision changes (`link_id` names it). */
export const LINK_KINDS = ['phase', 'format', 'open_question', 'stakeholder'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Implementation status of a measure. */
export const MEASURE_STATUSES = [
  'planned',
  'in_progress',
  'completed',
  'paused',
  'cancelled',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Where a release request stands. */
export const RELEASE_STATUSES = ['requested', 'released', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
