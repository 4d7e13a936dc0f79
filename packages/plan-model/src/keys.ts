/**
 * Every string under which the plan stores something in a `Y.Doc`. Only this package reads these
 * names; everybody else goes through typed accessors, so a rename happens here and nowhere else.
 */

/** Names of the root-level `Y.Map` collections (id → record `Y.Map`, except `meta`). */
export const ROOT = {
  meta: 'meta',
  stakeholders: 'stakeholders',
  phases: 'phases',
  formats: 'formats',
  results: 'results',
} as const;

/** The overview rich-text fields, each a root-level `Y.XmlText`. */
export const OVERVIEW_FIELDS = [
  'occasion',
  'goals',
  'scopeOfInfluence',
  'constraints',
  'openQuestions',
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
