/** A field value of a plan as a diff shows it: enum labels, ids as names, empty as a dash. */
import {
  PHASE_RESOURCE_FIELDS,
  type ParticipationLevel,
  type PhaseResourceField,
} from '@prozesswerkstatt/plan-model';
import { groupLabel, levelLabel, modeLabel, phaseKindLabel } from '$lib/board/labels';
import { formatResource } from '$lib/board/resource-values';
import { formatDate, formatDateTime } from '$lib/exports/export-labels';
import { intlLocale } from '$lib/intl-locale';
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

function isResourceField(field: string): field is PhaseResourceField {
  return (PHASE_RESOURCE_FIELDS as readonly string[]).includes(field);
}

/**
 * A record's RACI letters as "Bezirksamt: A, Schulleitung: R", sorted by name in the user's
 * language; none as a word, so an emptied row does not read as a missing value.
 */
function formatResponsibilities(value: object, names: Readonly<Record<string, string>>): string {
  const collator = new Intl.Collator(intlLocale());
  const cells = Object.entries(value)
    .filter((cell): cell is [string, string] => typeof cell[1] === 'string')
    .map(([id, letter]) => ({ name: names[id]?.trim() || m.board_stakeholder_unnamed(), letter }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.letter.localeCompare(b.letter));
  if (cells.length === 0) return m.version_value_no_responsibilities();
  return cells.map(({ name, letter }) => `${name}: ${letter}`).join(', ');
}

/**
 * Formats `value` of `field`; `names` maps stakeholder, phase and format ids to their names,
 * `methodNames` method-library ids to the method's name (a method the library no longer has is
 * named as such rather than by its id, which means nothing to a reader).
 */
export function formatValue(
  field: string,
  value: unknown,
  names: Readonly<Record<string, string>>,
  methodNames: Readonly<Record<string, string>> = {},
): string {
  if (isResourceField(field)) {
    // null is "not planned yet" (the guideline check counts 0 as planned), never a dash.
    if (typeof value === 'number') return formatResource(field, value, intlLocale());
    if (value === null) return m.board_resource_not_planned();
  }
  if (field === 'responsibilities' && typeof value === 'object' && value !== null) {
    return formatResponsibilities(value, names);
  }
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
    if (field === 'kind') return phaseKindLabel(value);
    if (field === 'methodId') {
      return Object.hasOwn(methodNames, value)
        ? methodNames[value]!
        : m.version_value_unknown_method();
    }
    if (field === 'phaseId' || field === 'subjectId') return names[value] ?? value;
    return value;
  }
  if (typeof value === 'boolean') return value ? m.version_value_yes() : m.version_value_no();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
