/** The import messages of the catalog in the current language (see `import-issues.ts`). */
import { m } from '$lib/paraglide/messages.js';
import type { ImportWords } from './import-issues.js';

const FIELD_LABELS: Record<string, () => string> = {
  title: m.import_field_title,
  name: m.import_field_name,
  id: m.import_field_id,
  status: m.import_field_status,
  createdAt: m.import_field_created_at,
  updatedAt: m.import_field_updated_at,
  requestingUnit: m.board_field_requesting_unit,
  facilitator: m.import_field_facilitator,
  occasion: m.board_field_occasion,
  goals: m.board_field_goals,
  scopeOfInfluence: m.board_field_scope,
  constraints: m.board_field_constraints,
  openQuestions: m.board_field_open_questions,
  group: m.board_col_group,
  power: m.export_doc_col_power,
  interest: m.export_doc_col_interest,
  participationLevel: m.board_field_level,
  contactRole: m.board_col_contact,
  notes: m.import_field_notes,
  start: m.board_field_start,
  end: m.board_field_end,
  goal: m.board_field_goal,
  formats: m.import_field_formats,
  method: m.board_field_method,
  dateTime: m.board_field_datetime,
  durationMinutes: m.board_field_duration,
  mode: m.board_field_mode,
  placeOrTool: m.board_field_place,
  targetStakeholderIds: m.board_field_targets,
  expectedOutput: m.board_field_output,
  responsible: m.board_field_responsible,
  resources: m.board_field_resources,
  description: m.board_field_description,
  subjectId: m.import_field_subject,
  contributions: m.import_field_contributions,
  text: m.import_field_text,
  response: m.import_field_response,
  reason: m.import_field_reason,
  feedback: m.import_field_feedback,
  stakeholders: m.import_field_stakeholders,
  phases: m.import_field_phases,
  results: m.import_field_results,
  meta: m.import_field_meta,
  overview: m.import_field_overview,
};

/** Import words from the catalog. */
export function importWords(): ImportWords {
  return {
    file: m.import_place_file(),
    meta: m.import_place_meta(),
    overview: m.import_place_overview(),
    stakeholder: (n, name) =>
      name
        ? m.import_place_stakeholder({ n: String(n), name })
        : m.import_place_stakeholder_unnamed({ n: String(n) }),
    phase: (n, name) =>
      name
        ? m.import_place_phase({ n: String(n), name })
        : m.import_place_phase_unnamed({ n: String(n) }),
    format: (n, name) =>
      name
        ? m.import_place_format({ n: String(n), name })
        : m.import_place_format_unnamed({ n: String(n) }),
    result: (n) => m.import_place_result({ n: String(n) }),
    contribution: (n) => m.import_place_contribution({ n: String(n) }),
    item: (n) => m.import_place_item({ n: String(n) }),
    field: (key) => FIELD_LABELS[key]?.() ?? key,
    theEntry: m.import_the_entry(),
    problem: (code, field, issue) => {
      const limit = String(issue.limit ?? '');
      switch (code) {
        case 'missing':
          return m.import_problem_missing({ field });
        case 'invalid_type':
          return m.import_problem_invalid_type({ field });
        case 'too_long':
          return m.import_problem_too_long({ field, limit });
        case 'too_short':
          return m.import_problem_too_short({ field });
        case 'too_big':
          return m.import_problem_too_big({ field, limit });
        case 'too_small':
          return m.import_problem_too_small({ field, limit });
        case 'too_many':
          return m.import_problem_too_many({ field, limit });
        case 'invalid_format':
          return m.import_problem_invalid_format({ field });
        case 'unknown_keys':
          return m.import_problem_unknown_keys({ keys: (issue.keys ?? []).join(', ') });
        case 'duplicate_id':
          return m.import_problem_duplicate_id({ field });
        case 'unknown_reference':
          return m.import_problem_unknown_reference({ field });
        case 'end_before_start':
          return m.import_problem_end_before_start({ field });
        case 'invalid_value':
          return m.import_problem_invalid_value({ field });
        default:
          return m.import_problem_other({ field, message: issue.message });
      }
    },
    issue: (place, problem) => m.import_issue({ place, problem }),
  };
}
