/**
 * The name of a plan field in the user's language, for every place that names one: the board,
 * version diffs, import issues and exports. Each field's message is named here statically, not
 * looked up by a computed key: a lookup on the whole catalog made the bundler ship every message
 * of the app with the board (40 KiB gzip of its 300 KiB budget). A new field of the plan needs
 * its catalog entries (`plan_field_` plus its key in snake case) and one line here; the unit test
 * names any field that is missing.
 */
import { m } from '$lib/paraglide/messages.js';

const LABELS: Readonly<Record<string, () => string>> = {
  title: m.plan_field_title,
  requestingUnit: m.plan_field_requesting_unit,
  facilitator: m.plan_field_facilitator,
  status: m.plan_field_status,
  createdAt: m.plan_field_created_at,
  occasion: m.plan_field_occasion,
  goals: m.plan_field_goals,
  scopeOfInfluence: m.plan_field_scope_of_influence,
  constraints: m.plan_field_constraints,
  openQuestions: m.plan_field_open_questions,
  name: m.plan_field_name,
  group: m.plan_field_group,
  power: m.plan_field_power,
  interest: m.plan_field_interest,
  participationLevel: m.plan_field_participation_level,
  contactRole: m.plan_field_contact_role,
  notes: m.plan_field_notes,
  start: m.plan_field_start,
  end: m.plan_field_end,
  goal: m.plan_field_goal,
  method: m.plan_field_method,
  dateTime: m.plan_field_date_time,
  durationMinutes: m.plan_field_duration_minutes,
  mode: m.plan_field_mode,
  placeOrTool: m.plan_field_place_or_tool,
  targetStakeholderIds: m.plan_field_target_stakeholder_ids,
  expectedOutput: m.plan_field_expected_output,
  responsible: m.plan_field_responsible,
  resources: m.plan_field_resources,
  description: m.plan_field_description,
  phaseId: m.plan_field_phase_id,
  order: m.plan_field_order,
  subjectId: m.plan_field_subject_id,
  contributions: m.plan_field_contributions,
  feedback: m.plan_field_feedback,
  updatedAt: m.plan_field_updated_at,
  hardToReachGroups: m.plan_field_hard_to_reach_groups,
  resultsHandling: m.plan_field_results_handling,
  participantFeedback: m.plan_field_participant_feedback,
  evaluation: m.plan_field_evaluation,
  kind: m.plan_field_kind,
  staffDays: m.plan_field_staff_days,
  budgetEuros: m.plan_field_budget_euros,
  rooms: m.plan_field_rooms,
  platforms: m.plan_field_platforms,
  translationHours: m.plan_field_translation_hours,
  methodId: m.plan_field_method_id,
  responsibilities: m.plan_field_responsibilities,
  // Not a record field: the reason of a guideline item's "not applicable" mark in a version diff.
  guidelineReason: m.plan_field_guideline_reason,
};

/** The fields that have a label, for the test that every field of the plan has one. */
export const LABELLED_FIELDS: readonly string[] = Object.keys(LABELS);

/** The label of a field key; a key without a catalog entry is shown as it is. */
export function planFieldLabel(field: string): string {
  const message = Object.hasOwn(LABELS, field) ? LABELS[field] : undefined;
  return message ? message() : field;
}
