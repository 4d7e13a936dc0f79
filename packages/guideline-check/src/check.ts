/**
 * `checkGuidelines`: the whole check of one plan in its JSON form (the live board's
 * `planToJSON`, a version's stored JSON, an export's input), so every place shows the same
 * result for the same plan. Pure and cheap (one pass per item over a human-sized plan).
 */
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import { gapTarget, type GuidelineGap, type GuidelineTarget } from './gaps.js';
import { GUIDELINE_ITEMS, type GuidelineItemId } from './items.js';
import { RULES } from './rules.js';

/** The state of one item. */
export type GuidelineStatus = 'complete' | 'incomplete' | 'not-applicable';

/** The result of one item. */
export type GuidelineItemResult = {
  id: GuidelineItemId;
  /** Where to fill it in: the first gap's place when incomplete, else the item's home. */
  target: GuidelineTarget;
} & (
  | { status: 'complete' }
  /** `gaps` is never empty: each names one missing part, with where it is filled in. */
  | { status: 'incomplete'; gaps: Array<{ gap: GuidelineGap; target: GuidelineTarget }> }
  /** Marked as not applicable by the planners, with their reason (the rule is not run). */
  | { status: 'not-applicable'; reason: string }
);

/** The check of a plan. */
export interface GuidelineCheck {
  /** Every item, in `GUIDELINE_ITEMS` order. */
  items: GuidelineItemResult[];
  /** Items complete. */
  complete: number;
  /** Items that apply (all but the ones marked not applicable): "complete of applicable". */
  applicable: number;
  /** Items marked not applicable. */
  notApplicable: number;
}

/** Checks a plan against every item; a not-applicable mark replaces the item's rule. */
export function checkGuidelines(plan: PlanJSON): GuidelineCheck {
  const firstPhaseId = plan.phases[0]?.id;
  const items = GUIDELINE_ITEMS.map((id): GuidelineItemResult => {
    const rule = RULES[id];
    const reason = plan.guidelineNotApplicable[id]?.trim();
    if (reason) return { id, target: rule.home, status: 'not-applicable', reason };
    const gaps = rule.gaps(plan).map((gap) => ({ gap, target: gapTarget(gap, firstPhaseId) }));
    const first = gaps[0];
    return first
      ? { id, target: first.target, status: 'incomplete', gaps }
      : { id, target: rule.home, status: 'complete' };
  });
  const count = (status: GuidelineStatus) => items.filter((i) => i.status === status).length;
  const notApplicable = count('not-applicable');
  return {
    items,
    complete: count('complete'),
    applicable: items.length - notApplicable,
    notApplicable,
  };
}
