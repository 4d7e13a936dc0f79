/**
 * Who answers for a phase or format (the A of RACI). RACI asks for exactly one accountable party
 * per piece of work: with none, nobody signs off; with several, each may count on the others.
 * Pure over read records or their JSON form, so the board and a check say the same.
 */
import type { Responsibilities } from './records/responsibilities.js';

/** What is wrong with the A of one phase or format. */
export type AccountabilityIssue = 'no_accountable' | 'several_accountable';

/** The stakeholder ids holding A, in the order given. */
export function accountableIds(responsibilities: Responsibilities): string[] {
  return Object.entries(responsibilities)
    .filter(([, letter]) => letter === 'A')
    .map(([id]) => id);
}

/** Null when exactly one stakeholder holds A, else what is wrong. */
export function accountabilityIssue(
  responsibilities: Responsibilities,
): AccountabilityIssue | null {
  const count = accountableIds(responsibilities).length;
  if (count === 0) return 'no_accountable';
  return count > 1 ? 'several_accountable' : null;
}
