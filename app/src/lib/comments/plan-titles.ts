import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { TitleOf } from './anchor-label.js';

/** Record titles of a plan as exported (a version's or the current one), for anchor labels. */
export function titlesOfPlan(plan: PlanJSON): TitleOf {
  const titles = new Map<string, string>();
  for (const stakeholder of plan.stakeholders)
    titles.set(`stakeholder:${stakeholder.id}`, stakeholder.name);
  for (const phase of plan.phases) {
    titles.set(`phase:${phase.id}`, phase.title);
    for (const format of phase.formats) titles.set(`format:${format.id}`, format.title);
  }
  return (part, id) => titles.get(`${part}:${id}`);
}
