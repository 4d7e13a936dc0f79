/**
 * The words of an exported document in the current language, from the catalog: what
 * `@prozesswerkstatt/plan-export` writes and what the print page shows. Times are Berlin
 * wall-clock times (see plan-model's `date-time.ts`), the administration's own.
 */
import type { ExportLabels } from '@prozesswerkstatt/plan-export';
import {
  formatPlanDate,
  formatPlanDateTime,
  type ParticipationLevel,
} from '@prozesswerkstatt/plan-model';
import { groupLabel, levelLabel, modeLabel, phaseKindLabel } from '$lib/board/labels';
import { m } from '$lib/paraglide/messages.js';
import { guidelineExportLabels } from '$lib/guideline/guideline-labels';
import { planFieldLabel } from '$lib/plan-field-labels';
import { intlLocale } from '$lib/intl-locale';
import { roleLabel, statusLabel } from '$lib/plan-labels';

/**
 * A date-time as "15. Juli 2026, 10:00": a format's wall-clock time as entered, an instant in
 * Berlin time (plan-model's `formatPlanDateTime`, the one formatting used by exports, print view
 * and version pages); unreadable input as it is.
 */
export function formatDateTime(value: string): string {
  return formatPlanDateTime(value, intlLocale());
}

/** A calendar date `YYYY-MM-DD` as "1. Dezember 2026". */
export function formatDate(value: string): string {
  return formatPlanDate(value, intlLocale());
}

function versionStatusLabel(status: string): string {
  switch (status) {
    case 'draft':
      return m.export_version_status_draft();
    case 'in_review':
      return m.export_version_status_in_review();
    case 'approved':
      return m.export_version_status_approved();
    case 'rejected':
      return m.export_version_status_rejected();
    case 'superseded':
      return m.export_version_status_superseded();
    default:
      return status;
  }
}

/** All labels of an export in the current language. */
export function exportLabels(): ExportLabels {
  return {
    field: planFieldLabel,
    untitled: m.export_doc_untitled(),
    none: m.export_doc_none(),
    requestingUnit: m.export_doc_requesting_unit(),
    facilitator: m.export_doc_facilitator(),
    status: m.export_doc_status(),
    createdAt: m.export_doc_created(),
    updatedAt: m.export_doc_updated(),
    overviewHeading: m.export_doc_overview(),
    stakeholdersHeading: m.export_doc_stakeholders(),
    noStakeholders: m.export_doc_no_stakeholders(),
    stakeholderColumns: {
      name: m.board_col_name(),
      group: m.board_col_group(),
      power: m.export_doc_col_power(),
      interest: m.export_doc_col_interest(),
      participationLevel: m.board_col_level(),
      contactRole: m.board_col_contact(),
      notes: m.board_col_notes(),
    },
    phasesHeading: m.export_doc_phases(),
    noPhases: m.export_doc_no_phases(),
    phasePeriod: m.export_doc_phase_period(),
    phaseLevel: m.board_field_level(),
    phaseGoal: m.export_doc_phase_goal(),
    responsibilitiesHeading: m.export_doc_responsibilities(),
    raciLegend: m.export_doc_raci_legend(),
    formatsHeading: m.export_doc_formats(),
    noFormats: m.export_doc_no_formats(),
    formatColumns: {
      title: m.export_doc_col_title(),
      method: m.board_field_method(),
      dateTime: m.export_doc_col_when(),
      duration: m.export_doc_col_duration(),
      mode: m.board_field_mode(),
      targets: m.board_field_targets(),
      responsible: m.board_field_responsible(),
    },
    resultsHeading: m.export_doc_results(),
    resultFor: (subject) => m.export_doc_result_for({ subject }),
    resultFeedback: m.export_doc_feedback(),
    versionHeading: m.export_doc_version(),
    versionLabel: m.export_doc_version_label(),
    versionNote: m.export_doc_version_note(),
    versionCreatedAt: m.export_doc_version_created(),
    versionAuthor: m.export_doc_version_author(),
    versionStatus: m.export_doc_version_status(),
    versionHash: m.export_doc_version_hash(),
    approvalsHeading: m.export_doc_approvals(),
    noApprovals: m.export_doc_no_approvals(),
    approvalColumns: {
      person: m.export_doc_col_person(),
      role: m.export_doc_col_role(),
      decision: m.export_doc_col_decision(),
      at: m.export_doc_col_at(),
      reason: m.export_doc_col_reason(),
    },
    threadsHeading: m.export_doc_threads(),
    threadStatus: m.export_doc_thread_status(),
    guideline: guidelineExportLabels(),
    group: groupLabel,
    level: (level) => levelLabel(level as ParticipationLevel) ?? level,
    mode: modeLabel,
    phaseKind: phaseKindLabel,
    number: (value) => value.toLocaleString(intlLocale()),
    euros: (value) => value.toLocaleString(intlLocale(), { style: 'currency', currency: 'EUR' }),
    planStatus: statusLabel,
    changedSinceApproval: (version) => m.plans_status_changed_since_approval({ version }),
    versionStatusName: versionStatusLabel,
    decision: (decision) =>
      decision === 'approved'
        ? m.export_decision_approved()
        : decision === 'rejected'
          ? m.export_decision_rejected()
          : decision,
    role: (role) =>
      role === 'requesting_unit' ? m.export_role_requesting_unit() : roleLabel(role),
    threadStatusName: (status) =>
      status === 'resolved' ? m.export_thread_resolved() : m.export_thread_open(),
    duration: (minutes) => m.export_doc_duration({ minutes: String(minutes) }),
    date: formatDate,
    dateTime: formatDateTime,
  };
}
