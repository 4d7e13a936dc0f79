import { m } from '$lib/paraglide/messages.js';
import type { WorkflowRefusal } from './approvals.js';
import { describeIssues } from '../import/import-issues.js';
import { importWords } from '../import/import-words.js';
import type { RestoreRefused } from './restore.js';
import type { VersionFieldErrors } from './versions.js';

/** Messages of the version form's error codes. */
export function describeVersionErrors(errors: VersionFieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  if (errors.label === 'label_required') out.label = m.version_label_required();
  if (errors.label === 'label_too_long') out.label = m.version_text_too_long();
  if (errors.note) out.note = m.version_text_too_long();
  return out;
}

/** The message of a refused restore: for a version that breaks the plan's rules, what does. */
export function describeRestoreRefusal(refused: RestoreRefused): string {
  if (refused.refusal !== 'invalid') return describeRefusal(refused.refusal);
  const problems = describeIssues(refused.issues, refused.plan, importWords());
  return m.version_restore_invalid({ problems: problems.join('; ') });
}

/** The message of a refused workflow step or restore. */
export function describeRefusal(
  refusal: WorkflowRefusal | Exclude<RestoreRefused['refusal'], 'invalid'>,
): string {
  switch (refusal) {
    case 'not_found':
      return m.version_not_found();
    case 'not_named':
      return m.version_submit_named_only();
    case 'not_in_review':
      return m.version_not_in_review();
    case 'already_decided':
      return m.version_already_decided();
    case 'approved_immutable':
      return m.version_approved_immutable();
    case 'reason_required':
      return m.version_reason_required();
    case 'integrity':
      return m.version_integrity_error();
  }
}
