/** Names of plan fields (as diffs and the read-only view name them) in the user's language. */
import { m } from '$lib/paraglide/messages.js';

const LABELS: Record<string, () => string> = {
  title: () => m.board_field_title(),
  requestingUnit: () => m.board_field_requesting_unit(),
  facilitator: () => m.version_field_facilitator(),
  status: () => m.version_field_status(),
  createdAt: () => m.version_field_created(),
  occasion: () => m.board_field_occasion(),
  goals: () => m.board_field_goals(),
  scopeOfInfluence: () => m.board_field_scope(),
  constraints: () => m.board_field_constraints(),
  openQuestions: () => m.board_field_open_questions(),
  name: () => m.board_col_name(),
  group: () => m.board_col_group(),
  power: () => m.board_col_power(),
  interest: () => m.board_col_interest(),
  participationLevel: () => m.board_col_level(),
  contactRole: () => m.board_col_contact(),
  notes: () => m.board_col_notes(),
  start: () => m.board_field_start(),
  end: () => m.board_field_end(),
  goal: () => m.board_field_goal(),
  method: () => m.board_field_method(),
  dateTime: () => m.board_field_datetime(),
  durationMinutes: () => m.board_field_duration(),
  mode: () => m.board_field_mode(),
  placeOrTool: () => m.board_field_place(),
  targetStakeholderIds: () => m.board_field_targets(),
  expectedOutput: () => m.board_field_output(),
  responsible: () => m.board_field_responsible(),
  resources: () => m.board_field_resources(),
  description: () => m.board_field_description(),
  phaseId: () => m.board_field_move_to_phase(),
  order: () => m.version_field_order(),
  subjectId: () => m.version_field_subject(),
  contributions: () => m.version_field_contributions(),
  feedback: () => m.version_field_feedback(),
};

/** The label of a field key; unknown keys are shown as they are. */
export function fieldLabel(field: string): string {
  return LABELS[field]?.() ?? field;
}
