/** The words of measure statuses in the reader's language (storage keeps the codes). */
import type { MeasureStatus } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, () => string> = {
  planned: m.results_measure_status_planned,
  in_progress: m.results_measure_status_in_progress,
  completed: m.results_measure_status_completed,
  paused: m.results_measure_status_paused,
  cancelled: m.results_measure_status_cancelled,
};

/** The label of a status code; an unknown code as it is. */
export function measureStatusLabel(code: string): string {
  return (MEASURE_STATUS_LABELS as Record<string, () => string>)[code]?.() ?? code;
}

/** A measure's title or description in `locale`, else the first non-empty one. */
export function localized(texts: Record<string, string>, locale: string): string {
  return texts[locale] || Object.values(texts).find((text) => text.trim() !== '') || '';
}
