/**
 * One rule per item: what the plan must contain for the item to count as complete. Each rule
 * returns the gaps it finds (none: complete) and the item's home on the board, where it is
 * filled in when nothing is missing. The reasons for each rule are in the package README.
 */
import type { OverviewField, PhaseJSON, PlanJSON } from '@prozesswerkstatt/plan-model';
import type { GuidelineGap, GuidelineTarget, PhaseRef } from './gaps.js';
import type { GuidelineItemId } from './items.js';
import { hasText } from './rich-text.js';

/** A rule: the gaps of one item in a plan. */
export interface GuidelineRule {
  /** Where the item is filled in. */
  home: GuidelineTarget;
  gaps: (plan: PlanJSON) => GuidelineGap[];
}

const overview = (field: OverviewField): GuidelineTarget => ({ kind: 'overview', field });
const PHASES: GuidelineTarget = { kind: 'phases' };

/** Gaps for each of `fields` whose text is empty. */
function emptyFields(plan: PlanJSON, fields: readonly OverviewField[]): GuidelineGap[] {
  return fields
    .filter((field) => !hasText(plan.overview[field]))
    .map((field) => ({ kind: 'empty-field', field }));
}

function textRule(...fields: [OverviewField, ...OverviewField[]]): GuidelineRule {
  return { home: overview(fields[0]), gaps: (plan) => emptyFields(plan, fields) };
}

function ref(phase: PhaseJSON): PhaseRef {
  return { id: phase.id, title: phase.title };
}

/** A rule over every phase: no phases is one gap, else `phaseGap` per phase. */
function phasesRule(phaseGap: (phase: PhaseJSON, plan: PlanJSON) => GuidelineGap | null) {
  return {
    home: PHASES,
    gaps: (plan: PlanJSON): GuidelineGap[] =>
      plan.phases.length === 0
        ? [{ kind: 'no-phases' }]
        : plan.phases.flatMap((phase) => phaseGap(phase, plan) ?? []),
  };
}

export const RULES: Readonly<Record<GuidelineItemId, GuidelineRule>> = {
  goal: textRule('goals'),
  // What is open (scope of influence) and what is fixed (constraints): both, or people do not
  // know what they can still change.
  scope: textRule('scopeOfInfluence', 'constraints'),
  stakeholders: {
    home: { kind: 'stakeholders' },
    gaps: (plan) =>
      plan.stakeholders.some((s) => s.name.trim() !== '') ? [] : [{ kind: 'no-stakeholders' }],
  },
  'hard-to-reach': textRule('hardToReachGroups'),
  'formats-per-phase': {
    home: PHASES,
    gaps: (plan) => {
      if (plan.phases.length === 0) return [{ kind: 'no-phases' }];
      const participation = plan.phases.filter((p) => p.kind === 'participation');
      if (participation.length === 0) return [{ kind: 'no-participation-phase' }];
      return participation
        .filter((p) => p.formats.length === 0)
        .map((p) => ({ kind: 'phase-without-formats', phase: ref(p) }));
    },
  },
  timeline: phasesRule((phase) => {
    const fields = (['start', 'end'] as const).filter((f) => phase[f] === null);
    return fields.length === 0 ? null : { kind: 'phase-without-dates', phase: ref(phase), fields };
  }),
  resources: phasesRule((phase) => {
    const fields = (['staffDays', 'budgetEuros'] as const).filter((f) => phase[f] === null);
    return fields.length === 0
      ? null
      : { kind: 'phase-without-resources', phase: ref(phase), fields };
  }),
  responsibilities: phasesRule((phase, plan) => {
    // Exactly one accountable (A) per phase, as plan-model's `accountabilityIssue` asks (kept
    // here without importing plan-model's runtime; check.test.ts proves both agree).
    const known = new Set<string>(plan.stakeholders.map((s) => s.id));
    const accountable = Object.entries(phase.responsibilities).filter(
      ([id, letter]) => known.has(id) && letter === 'A',
    ).length;
    if (accountable === 1) return null;
    const issue = accountable === 0 ? 'no_accountable' : 'several_accountable';
    return { kind: 'phase-accountability', phase: ref(phase), issue };
  }),
  'results-handling': textRule('resultsHandling'),
  feedback: textRule('participantFeedback'),
  evaluation: textRule('evaluation'),
};
