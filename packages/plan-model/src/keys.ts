/**
 * Every string under which the plan stores something in a `Y.Doc`. Only this package reads these
 * names; everybody else goes through typed accessors, so a rename happens here and nowhere else.
 */

/**
 * Names of the root-level `Y.Map`s: the record collections (id → record `Y.Map`), `meta`, and
 * `guidelineNotApplicable` (guideline item id → the reason it does not apply).
 */
export const ROOT = {
  meta: 'meta',
  stakeholders: 'stakeholders',
  phases: 'phases',
  formats: 'formats',
  results: 'results',
  guidelineNotApplicable: 'guidelineNotApplicable',
} as const;

/** The overview rich-text fields, each a root-level `Y.XmlText`. */
export const OVERVIEW_FIELDS = [
  'occasion',
  'goals',
  'scopeOfInfluence',
  'constraints',
  'openQuestions',
  'hardToReachGroups',
  'resultsHandling',
  'participantFeedback',
  'evaluation',
] as const;

/** One overview rich-text field name. */
export type OverviewField = (typeof OVERVIEW_FIELDS)[number];

/**
 * Root name of an overview field. Root-level (not nested in `meta`) so two clients creating the
 * same field concurrently get the same type instead of one replacing the other.
 */
export function overviewRootName(field: OverviewField): string {
  return `overview.${field}`;
}

/** Key of the fractional-index position inside ordered records. */
export const POSITION_KEY = 'position';

/**
 * Prefix of the keys that hold a record's responsibilities: `raci.<stakeholderId>` → `R`, `A`, `C`
 * or `I`. One key per cell (not a nested map), so two people filling different cells at once both
 * keep theirs, and an older document needs no new shared type to hold them.
 */
export const RESPONSIBILITY_KEY_PREFIX = 'raci.';
