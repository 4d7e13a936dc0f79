/** Labels of version kinds, states and sign-off sides in the user's language. */
import { m } from '$lib/paraglide/messages.js';

/** The name of a version's workflow state. */
export function versionStatusLabel(status: string): string {
  switch (status) {
    case 'draft':
      return m.version_status_draft();
    case 'in_review':
      return m.version_status_in_review();
    case 'approved':
      return m.version_status_approved();
    case 'rejected':
      return m.version_status_rejected();
    case 'superseded':
      return m.version_status_superseded();
    default:
      return status;
  }
}

/** The title of a version as lists show it (checkpoints and backups have no label of their own). */
export function versionTitle(version: { kind: string; label: string }): string {
  if (version.kind === 'checkpoint') return m.version_kind_checkpoint();
  if (version.kind === 'before_restore')
    return m.version_kind_before_restore({ label: version.label });
  return version.label;
}

/** The name of a sign-off side. */
export function sideLabel(side: string): string {
  return side === 'facilitator' ? m.version_side_facilitator() : m.version_side_requesting_unit();
}

/** One recorded sign-off in words: who, for which side, when (and why, for a rejection). */
export function decisionText(
  decision: { userName: string; role: string; decision: string; reason: string | null; at: string },
  format: Intl.DateTimeFormat,
): string {
  const facts = {
    name: decision.userName,
    side: sideLabel(decision.role),
    time: format.format(new Date(decision.at)),
  };
  return decision.decision === 'approved'
    ? m.version_decision_approved(facts)
    : m.version_decision_rejected({ ...facts, reason: decision.reason ?? '' });
}

/** A date-time formatter for the user's language, in Berlin time. */
export function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Berlin',
  });
}
