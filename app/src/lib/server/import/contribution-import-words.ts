/** The contribution-import messages of the catalog in the current language. */
import { m } from '$lib/paraglide/messages.js';
import type { ContributionImportWords } from './contribution-issues.js';

const FIELD_LABELS: Record<string, () => string> = {
  channel: m.import_field_channel,
  sourceSystem: m.import_field_source_system,
  sourceRef: m.import_field_source_reference,
  receivedAt: m.import_field_received_on,
  authorKind: m.import_field_author_kind,
  pseudonym: m.import_field_pseudonym,
  authorName: m.import_field_author_name,
  contact: m.import_field_contact,
  contactConsent: m.import_field_contact_consent,
  cosignerCount: m.import_field_co_signers,
  subjectRef: m.import_field_subject,
  title: m.import_field_title,
  text: m.import_field_text,
  labels: m.import_field_labels,
  url: m.import_field_url,
  status: m.import_field_status,
  response: m.import_field_response,
  reason: m.import_field_reason,
  inReplyTo: m.import_field_in_reply_to,
  metrics: m.import_field_metrics,
};

/** Contribution-import words from the catalog. */
export function contributionImportWords(): ContributionImportWords {
  return {
    line: (line) => m.import_place_line({ line: String(line) }),
    file: m.import_place_file(),
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
        case 'too_big':
          return m.import_problem_too_big({ field, limit });
        case 'too_small':
          return m.import_problem_too_small({ field, limit });
        case 'invalid_value':
          return m.import_problem_invalid_value({ field });
        case 'invalid_format':
          return m.import_problem_invalid_format({ field });
        case 'duplicate_in_file':
          return m.import_problem_duplicate_in_file({ field, line: String(issue.firstLine ?? '') });
        case 'unknown_status':
          return m.import_problem_unknown_status({ value: issue.value ?? '' });
        case 'missing_column':
          return m.import_problem_missing_column({ column: issue.column ?? field });
        case 'unknown_layout':
          return m.import_problem_unknown_layout();
        case 'unreadable_file':
          return m.import_problem_unreadable_file();
        case 'not_utf8':
          return m.import_problem_not_utf8();
        case 'empty_file':
          return m.import_problem_empty_file();
        case 'too_many_rows':
          return m.import_problem_too_many_rows({ limit });
      }
    },
    issue: (place, problem) => m.import_issue({ place, problem }),
  };
}
