/** The import messages of the catalog in the current language (see `import-issues.ts`). */
import { m } from '$lib/paraglide/messages.js';
import { planFieldLabel } from '$lib/plan-field-labels';
import type { ImportWords } from './import-issues.js';

/** Where the import's wording differs from the plan's field names, or names no plan field. */
const IMPORT_FIELD_LABELS: Record<string, () => string> = {
  id: m.import_field_id,
  createdAt: m.import_field_created_at,
  formats: m.import_field_formats,
  subjectId: m.import_field_subject,
  text: m.import_field_text,
  response: m.import_field_response,
  reason: m.import_field_reason,
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
    field: (key) => IMPORT_FIELD_LABELS[key]?.() ?? planFieldLabel(key),
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
