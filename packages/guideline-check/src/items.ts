/**
 * The items of the guideline check and what each one is about.
 *
 * Source: Berlin's "Leitlinien für Beteiligung von Bürgerinnen und Bürgern an Projekten und
 * Prozessen der räumlichen Stadtentwicklung" (LLBB, adopted by the Senate in September 2019; the
 * issue calls them "Leitlinien für Bürgerbeteiligung an der Stadtentwicklung"). Their instrument
 * "Beteiligungskonzept" lists what a participation concept states: the project and its scope for
 * decisions (Entscheidungsspielräume), the goals of the participation, target groups and how they
 * are addressed, the sequence of planning, participation and decision phases, roles and
 * responsibilities, the methods, how results are documented and how the administration accounts
 * for recommendations it does not follow (Rechenschaft), and the evaluation; budget and time
 * planning are taken into account. Their principle "Verbindliche Rückmeldung" asks for feedback
 * to the participants on what became of their contributions. Wording checked against the draft
 * of 13 February 2019 published on mein.berlin.de ("Instrument: Beteiligungskonzept").
 *
 * The ids are stable: the plan stores "not applicable" marks under them
 * (plan-model's `guidelineNotApplicable`), so an id is never renamed or reused.
 */

/** Every item, in the order the check shows them. */
export const GUIDELINE_ITEMS = [
  'goal',
  'scope',
  'stakeholders',
  'hard-to-reach',
  'formats-per-phase',
  'timeline',
  'resources',
  'responsibilities',
  'results-handling',
  'feedback',
  'evaluation',
] as const;

/** The id of one item. */
export type GuidelineItemId = (typeof GUIDELINE_ITEMS)[number];

/** True when `id` names an item of the check (a stored mark may name an item no longer checked). */
export function isGuidelineItemId(id: string): id is GuidelineItemId {
  return (GUIDELINE_ITEMS as readonly string[]).includes(id);
}
