/**
 * The words of the guideline check in the current language, for the board's panel, the version
 * page and the exports (`ExportLabels.guideline`). Every message is named statically (never
 * `m[key]`, which would ship the whole catalog with the board).
 */
import type { GuidelineLabels } from '@prozesswerkstatt/plan-export/outline';
import type {
  GuidelineGap,
  GuidelineItemId,
  GuidelineStatus,
  PhaseRef,
} from '@prozesswerkstatt/guideline-check';
import { m } from '$lib/paraglide/messages.js';
import { planFieldLabel } from '$lib/plan-field-labels';

/** The name of an item. */
export function guidelineItemLabel(id: GuidelineItemId): string {
  switch (id) {
    case 'goal':
      return m.guideline_item_goal();
    case 'scope':
      return m.guideline_item_scope();
    case 'stakeholders':
      return m.guideline_item_stakeholders();
    case 'hard-to-reach':
      return m.guideline_item_hard_to_reach();
    case 'formats-per-phase':
      return m.guideline_item_formats_per_phase();
    case 'timeline':
      return m.guideline_item_timeline();
    case 'resources':
      return m.guideline_item_resources();
    case 'responsibilities':
      return m.guideline_item_responsibilities();
    case 'results-handling':
      return m.guideline_item_results_handling();
    case 'feedback':
      return m.guideline_item_feedback();
    case 'evaluation':
      return m.guideline_item_evaluation();
  }
}

/** A status in words (shown with an icon, never as colour alone). */
export function guidelineStatusLabel(status: GuidelineStatus): string {
  if (status === 'complete') return m.guideline_status_complete();
  if (status === 'incomplete') return m.guideline_status_incomplete();
  return m.guideline_status_not_applicable();
}

function phaseName(phase: PhaseRef): string {
  return phase.title.trim() || m.board_phase_unnamed();
}

/** One missing part as a sentence. */
export function guidelineGapText(gap: GuidelineGap): string {
  switch (gap.kind) {
    case 'empty-field':
      return m.guideline_gap_empty_field({ field: planFieldLabel(gap.field) });
    case 'no-stakeholders':
      return m.guideline_gap_no_stakeholders();
    case 'no-phases':
      return m.guideline_gap_no_phases();
    case 'no-participation-phase':
      return m.guideline_gap_no_participation_phase();
    case 'phase-without-formats':
      return m.guideline_gap_phase_without_formats({ phase: phaseName(gap.phase) });
    case 'phase-without-dates':
    case 'phase-without-resources':
      return m.guideline_gap_phase_without({
        phase: phaseName(gap.phase),
        fields: gap.fields.map(planFieldLabel).join(m.guideline_and()),
      });
    case 'phase-accountability':
      return gap.issue === 'no_accountable'
        ? m.guideline_gap_phase_no_accountable({ phase: phaseName(gap.phase) })
        : m.guideline_gap_phase_several_accountable({ phase: phaseName(gap.phase) });
  }
}

/** "7 von 10 erfüllt, 1 nicht zutreffend". */
export function guidelineSummary(counts: {
  complete: number;
  applicable: number;
  notApplicable: number;
}): string {
  const complete = String(counts.complete);
  const applicable = String(counts.applicable);
  return counts.notApplicable === 0
    ? m.guideline_summary({ complete, applicable })
    : m.guideline_summary_not_applicable({
        complete,
        applicable,
        count: String(counts.notApplicable),
      });
}

/** The labels of the exports' guideline section. */
export function guidelineExportLabels(): GuidelineLabels {
  return {
    heading: m.guideline_heading(),
    summary: guidelineSummary,
    columns: {
      item: m.guideline_col_item(),
      status: m.guideline_col_status(),
      note: m.guideline_col_note(),
    },
    item: guidelineItemLabel,
    status: guidelineStatusLabel,
    gap: guidelineGapText,
    recomputed: m.guideline_version_recomputed(),
  };
}
