import { emptyRichText } from '../richtext/json.js';
import type { PlanJSON } from './schema.js';

/**
 * A plan in JSON form made into a template: what a process looked like (overview, stakeholder
 * groups, phases and their kinds, formats and their method links, responsibilities between
 * stakeholders, resources, the guideline check's "not applicable" marks) without
 * anything about the people of the plan it comes from or what happened in it:
 *
 * - meta: no facilitator and no requesting unit (the new plan's creator and unit are set by the
 *   caller), status back to `draft`, created and changed `now`;
 * - stakeholders keep their names (groups and organisations are what a template is for) but lose
 *   `contactRole` (a contact) and `notes` (notes about people);
 * - formats lose `responsible` (a person) and their `dateTime`; phases lose `start` and `end`: a
 *   template from last year's plan must not carry last year's dates;
 * - `results` are dropped (feedback on what participants said). Contributions are never part of
 *   a current plan's JSON (storage's tables since schema 4; an older file's inline contributions
 *   are dropped by the migration before this runs).
 *
 * Every other field is kept as it is, including fields this function does not name (a later
 * schema's additions travel along until someone decides otherwise here). Does not change `plan` (the copy shares its unchanged parts).
 */
export function anonymisePlan(plan: PlanJSON, now: string): PlanJSON {
  return {
    ...plan,
    meta: {
      ...plan.meta,
      facilitator: '',
      requestingUnit: '',
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    },
    stakeholders: plan.stakeholders.map((stakeholder) => ({
      ...stakeholder,
      contactRole: '',
      notes: emptyRichText(),
    })),
    phases: plan.phases.map((phase) => ({
      ...phase,
      start: null,
      end: null,
      formats: phase.formats.map((format) => ({ ...format, responsible: '', dateTime: null })),
    })),
    results: [],
  };
}
