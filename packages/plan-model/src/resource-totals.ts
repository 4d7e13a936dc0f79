/**
 * The resources of a whole plan: per resource, the sum of what the phases plan and how many
 * phases plan nothing for it yet (null). Pure over read phases or their JSON form, so the board's
 * totals and any check or export agree.
 */
import {
  PHASE_RESOURCE_FIELDS,
  type PhaseFields,
  type PhaseResourceField,
} from './records/phase.js';

/** The total of one resource over the phases. */
export interface ResourceTotal {
  /** Sum of the planned values (0 when none is planned), rounded to millionths. */
  sum: number;
  /** Phases with a value, 0 included. */
  planned: number;
  /** Phases without one (null: not planned yet). */
  unplanned: number;
}

/** The resource numbers of one phase. */
export type PhaseResources = Pick<PhaseFields, PhaseResourceField>;

/**
 * Totals per resource field. Sums are rounded to millionths, so that amounts with cents add up
 * as written (0.1 + 0.2 gives 0.3, not 0.30000000000000004).
 */
export function resourceTotals(
  phases: readonly PhaseResources[],
): Record<PhaseResourceField, ResourceTotal> {
  const out = {} as Record<PhaseResourceField, ResourceTotal>;
  for (const field of PHASE_RESOURCE_FIELDS) {
    let sum = 0;
    let planned = 0;
    for (const phase of phases) {
      const value = phase[field];
      if (value === null) continue;
      sum += value;
      planned += 1;
    }
    out[field] = {
      sum: Math.round(sum * 1e6) / 1e6,
      planned,
      unplanned: phases.length - planned,
    };
  }
  return out;
}
