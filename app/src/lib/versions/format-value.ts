/** A field value of a plan as a diff shows it: enum labels, ids as names, empty as a dash. */
import type { ParticipationLevel } from '@prozesswerkstatt/plan-model';
import { groupLabel, levelLabel, modeLabel } from '$lib/board/labels';
import { statusLabel } from '$lib/plan-labels';

/** Formats `value` of `field`; `names` maps stakeholder and phase ids to their names. */
export function formatValue(
  field: string,
  value: unknown,
  names: Readonly<Record<string, string>>,
): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === 'string' ? (names[item] ?? item) : JSON.stringify(item),
    );
    return items.length > 0 ? items.join(', ') : '–';
  }
  if (typeof value === 'string') {
    if (field === 'group') return groupLabel(value);
    if (field === 'participationLevel') return levelLabel(value as ParticipationLevel);
    if (field === 'mode') return modeLabel(value);
    if (field === 'status') return statusLabel(value);
    if (field === 'phaseId' || field === 'subjectId') return names[value] ?? value;
    return value;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
