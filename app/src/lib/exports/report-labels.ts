/**
 * The words of the results report and the weighing table in the current language, from the
 * catalog: what `@prozesswerkstatt/plan-export` writes and what the report page shows.
 */
import type { ResultsReportLabels } from '@prozesswerkstatt/plan-export/outline';
import { m } from '$lib/paraglide/messages.js';
import { CHANNEL_LABELS, DECISION_LABELS } from '$lib/results/result-labels';
import { measureStatusLabel } from '$lib/results/measure-labels';
import { formatDate, formatDateTime } from './export-labels.js';

function labelOf(table: Record<string, () => string>, code: string): string {
  return table[code]?.() ?? code;
}

export function reportLabels(): ResultsReportLabels {
  return {
    reportTitle: (plan) => m.results_report_title({ plan }),
    weighingTitle: (plan) => m.results_report_weighing_title({ plan }),
    weighingSheet: m.results_report_weighing_sheet(),
    untitled: m.export_doc_untitled(),
    none: m.export_doc_none(),
    dateTime: formatDateTime,
    date: formatDate,
    generatedAt: m.results_report_generated_at(),
    releasedAt: m.results_report_released_at(),
    notReleased: m.results_report_not_released(),
    changedSinceRelease: m.results_report_changed_since_release(),
    edition: m.results_report_edition(),
    editionPublic: m.results_report_edition_public(),
    editionInternal: m.results_report_edition_internal(),
    contributionCount: m.results_report_contribution_count(),
    decidedCount: m.results_report_decided_count(),
    channel: (code) => labelOf(CHANNEL_LABELS, code),
    decision: (code) => labelOf(DECISION_LABELS, code),
    measureStatus: measureStatusLabel,
    summaryHeading: m.results_report_summary(),
    byDecision: m.results_report_by_decision(),
    byChannel: m.results_report_by_channel(),
    count: m.results_report_count(),
    undecided: m.results_decision_none(),
    themesHeading: m.results_report_themes(),
    themeItems: (count) => m.results_report_theme_items({ count: String(count) }),
    themeQuotes: m.results_report_theme_quotes(),
    noThemes: m.results_report_no_themes(),
    decisionsHeading: m.results_report_decisions(),
    noDecisions: m.results_report_no_decisions(),
    changesHeading: m.results_report_changes(),
    noChanges: m.results_report_no_changes(),
    measuresHeading: m.results_report_measures(),
    noMeasures: m.results_report_no_measures(),
    number: m.results_report_col_number(),
    contribution: m.results_report_col_contribution(),
    pseudonym: m.results_report_col_pseudonym(),
    statement: m.results_report_col_statement(),
    decisionColumn: m.results_report_col_decision(),
    reason: m.results_report_col_reason(),
    response: m.results_report_col_response(),
    received: m.results_report_col_received(),
    channelColumn: m.results_report_col_channel(),
    subject: m.results_report_col_subject(),
    duplicateOf: (number) => m.results_report_duplicate_of({ number: String(number) }),
    status: m.results_report_status(),
    progress: m.results_report_progress(),
    percent: (value) => m.results_report_percent({ value: String(value) }),
    start: m.results_report_start(),
    end: m.results_report_end(),
    milestones: m.results_report_milestones(),
    milestoneDone: (title) => m.results_report_milestone_done({ title }),
    milestoneDue: (title, date) => m.results_report_milestone_due({ title, date }),
    contributionsBehind: m.results_report_contributions_behind(),
  };
}
