/**
 * The internal workflow of a contribution (issue #18, "weigh and answer"), apart from its public
 * decision: which state a person may pick by hand, and when an item is overdue. "Approved" and
 * "published" are the four-eyes sign-off's and the release's to set, so the item page offers them
 * only to keep an item where it is; "answered" needs a decision first.
 */
import type { ContributionState } from '@prozesswerkstatt/storage';

/** States a person may choose on the item page, in workflow order. */
export function selectableStates(
  current: ContributionState,
  hasDecision: boolean,
): ContributionState[] {
  const states: ContributionState[] = ['new', 'in_review'];
  if (hasDecision || current === 'answered') states.push('answered');
  if (current === 'approved' || current === 'published') states.push(current);
  return states;
}

/** Why a hand-picked state is refused; null when it is allowed. */
export function stateRefusal(
  current: ContributionState,
  next: ContributionState,
  hasDecision: boolean,
): 'needs_decision' | 'release_only' | null {
  if (next === current) return null;
  if (next === 'approved' || next === 'published') return 'release_only';
  if (next === 'answered' && !hasDecision) return 'needs_decision';
  return null;
}

/**
 * True when the item's due date (YYYY-MM-DD) lies before `today` and it has no decision yet: the
 * same rule as storage's `overdue` filter and the coverage overview.
 */
export function isOverdue(dueDate: string | null, hasDecision: boolean, today: string): boolean {
  return dueDate !== null && !hasDecision && dueDate < today;
}
