/**
 * A measure as the measures page shows it: texts in the reader's language (and the form's
 * values), milestones, and the contributions behind it named by title or excerpt and pseudonym
 * (never a name or contact).
 */
import type { ContributionSummary, Measure } from '@prozesswerkstatt/storage';
import { localized } from '$lib/results/measure-labels';
import type { MeasureView } from '$lib/results/measure-view';
import { measureFormValues } from './measure-form.js';

export type { MeasureView };

export function toMeasureView(
  measure: Measure,
  summaries: readonly ContributionSummary[],
  locale: string,
): MeasureView {
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  return {
    id: measure.id,
    version: measure.version,
    title: localized(measure.title, locale),
    description: localized(measure.description, locale),
    status: measure.status,
    progress: measure.progress,
    startDate: measure.startDate,
    endDate: measure.endDate,
    form: measureFormValues(measure, locale),
    milestones: measure.milestones.map((milestone) => ({
      id: milestone.id,
      title: milestone.title,
      dueDate: milestone.dueDate,
      done: milestone.doneAt !== null,
    })),
    contributions: measure.contributionIds.flatMap((id) => {
      const summary = byId.get(id);
      return summary
        ? [{ id, title: summary.title, excerpt: summary.excerpt, pseudonym: summary.pseudonym }]
        : [];
    }),
  };
}
