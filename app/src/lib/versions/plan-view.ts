/**
 * A plan in JSON form turned into what the read-only version view renders: plain fields, and
 * rich text as plain paragraphs (read through plan-model), target stakeholders by name.
 */
import {
  OVERVIEW_FIELDS,
  richTextJSONToPlainText,
  type OverviewField,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';

/** The read-only view of one plan version. */
export interface PlanView {
  meta: PlanJSON['meta'];
  overview: { field: OverviewField; text: string }[];
  stakeholders: (Omit<PlanJSON['stakeholders'][number], 'notes'> & { notes: string })[];
  phases: (Omit<PlanJSON['phases'][number], 'goal' | 'formats'> & {
    goal: string;
    formats: (Omit<PlanJSON['phases'][number]['formats'][number], 'description'> & {
      description: string;
      targetNames: string[];
    })[];
  })[];
}

/** Builds the view of a plan. */
export function planView(plan: PlanJSON): PlanView {
  const names = new Map(plan.stakeholders.map((s) => [s.id, s.name]));
  return {
    meta: plan.meta,
    overview: OVERVIEW_FIELDS.map((field) => ({
      field,
      text: richTextJSONToPlainText(plan.overview[field]),
    })),
    stakeholders: plan.stakeholders.map((s) => ({ ...s, notes: richTextJSONToPlainText(s.notes) })),
    phases: plan.phases.map((phase) => ({
      ...phase,
      goal: richTextJSONToPlainText(phase.goal),
      formats: phase.formats.map((format) => ({
        ...format,
        description: richTextJSONToPlainText(format.description),
        targetNames: format.targetStakeholderIds.map((id) => names.get(id) ?? id),
      })),
    })),
  };
}
