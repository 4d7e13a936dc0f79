/** A field value of a plan as a diff shows it: enum labels, ids as names, empty as a dash. */
import type { ParticipationLevel } from '@prozesswerkstatt/plan-model';
import { groupLabel, levelLabel, modeLabel } from '$lib/board/labels';
import { formatDate, formatDateTime } from '$lib/exports/export-labels';
import { m } from '$lib/paraglide/messages.js';
import { statusLabel } from '$lib/plan-labels';

/** A contribution as versions saved before plan schema 4 hold it inside a result. */
interface Contribution {
  text: string;
  response: 'open' | 'adopted' | 'partly' | 'rejected';
  reason: string;
}

const RESPONSE_LABELS: Record<Contribution['response'], () => string> = {
  open: m.export_response_open,
  adopted: m.export_response_adopted,
  partly: m.export_response_partly,
  rejected: m.export_response_rejected,
};

function isContribution(item: unknown): item is Contribution {
  return typeof item === 'object' && item !== null && 'text' in item && 'response' in item;
}

/** A contribution to a result in words: "text (adopted: reason)". */
function formatContribution({ text, response, reason }: Contribution): string {
  const answer = RESPONSE_LABELS[response]?.() ?? response;
  return `${text || '–'} (${reason ? `${answer}: ${reason}` : answer})`;
}

/** Formats `value` of `field`; `names` maps stakeholder, phase and format ids to their names. */
export function formatValue(
  field: string,
  value: unknown,
  names: Readonly<Record<string, string>>,
): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      if (typeof item === 'string') return names[item] ?? item;
      return isContribution(item) ? formatContribution(item) : JSON.stringify(item);
    });
    return items.length > 0 ? items.join(field === 'contributions' ? '; ' : ', ') : '–';
  }
  if (typeof value === 'string') {
    if (field === 'group') return groupLabel(value);
    if (field === 'participationLevel') return levelLabel(value as ParticipationLevel);
    if (field === 'mode') return modeLabel(value);
    if (field === 'dateTime') return formatDateTime(value);
    if (field === 'start' || field === 'end') return formatDate(value);
    if (field === 'status') return statusLabel(value);
    if (field === 'phaseId' || field === 'subjectId') return names[value] ?? value;
    return value;
  }
  if (typeof value === 'boolean') return value ? m.version_value_yes() : m.version_value_no();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
