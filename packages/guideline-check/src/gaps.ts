/**
 * What a check result points at: the parts of a plan that are missing (`GuidelineGap`) and the
 * place on the board where each is filled in (`GuidelineTarget`). Both name plan fields, never
 * page elements: the board maps a target to its own element (`lib/guideline/targets.ts`).
 */
import type { OverviewField } from '@prozesswerkstatt/plan-model';

/** A phase as a gap names it: id and title as entered (may be blank). */
export interface PhaseRef {
  id: string;
  title: string;
}

/** The phase fields a target can point at. */
export type PhaseTargetField =
  'title' | 'kind' | 'start' | 'end' | 'formats' | 'staffDays' | 'budgetEuros' | 'responsibilities';

/** Where something is filled in on the board. */
export type GuidelineTarget =
  | { kind: 'overview'; field: OverviewField }
  | { kind: 'stakeholders' }
  | { kind: 'phases' }
  | { kind: 'phase'; phaseId: string; field: PhaseTargetField };

/** One missing part of an item. */
export type GuidelineGap =
  /** An overview text is empty (or only white space). */
  | { kind: 'empty-field'; field: OverviewField }
  /** No stakeholder with a name. */
  | { kind: 'no-stakeholders' }
  /** The plan has no phase at all. */
  | { kind: 'no-phases' }
  /** Phases exist, but none of the kind "participation". */
  | { kind: 'no-participation-phase' }
  /** A participation phase without any format. */
  | { kind: 'phase-without-formats'; phase: PhaseRef }
  /** A phase whose start or end (or both) is not set. */
  | { kind: 'phase-without-dates'; phase: PhaseRef; fields: Array<'start' | 'end'> }
  /** A phase whose staff days or budget (or both) is not planned (0 counts as planned). */
  | {
      kind: 'phase-without-resources';
      phase: PhaseRef;
      fields: Array<'staffDays' | 'budgetEuros'>;
    }
  /**
   * A phase without exactly one accountable stakeholder (A): none, or several (the rule of
   * plan-model's `accountabilityIssue`, which the board's RACI matrix shows too).
   */
  | {
      kind: 'phase-accountability';
      phase: PhaseRef;
      issue: 'no_accountable' | 'several_accountable';
    };

/** Where a gap is filled in. */
export function gapTarget(gap: GuidelineGap, firstPhaseId?: string): GuidelineTarget {
  switch (gap.kind) {
    case 'empty-field':
      return { kind: 'overview', field: gap.field };
    case 'no-stakeholders':
      return { kind: 'stakeholders' };
    case 'no-phases':
      return { kind: 'phases' };
    case 'no-participation-phase':
      // A phase's kind is set on the phase; without one, the section is the place to add it.
      return firstPhaseId === undefined
        ? { kind: 'phases' }
        : { kind: 'phase', phaseId: firstPhaseId, field: 'kind' };
    case 'phase-without-formats':
      return { kind: 'phase', phaseId: gap.phase.id, field: 'formats' };
    case 'phase-without-dates':
      return { kind: 'phase', phaseId: gap.phase.id, field: gap.fields[0] ?? 'start' };
    case 'phase-without-resources':
      return { kind: 'phase', phaseId: gap.phase.id, field: gap.fields[0] ?? 'staffDays' };
    case 'phase-accountability':
      return { kind: 'phase', phaseId: gap.phase.id, field: 'responsibilities' };
  }
}
