/**
 * Readable facts derived from a plan, shared by the Markdown and DOCX writers so both say the
 * same thing: period of a phase, targets of a format, what a result belongs to, file name.
 */
import type { FormatJSON, PhaseJSON, PlanJSON, ResultJSON } from '@prozesswerkstatt/plan-model';
import type { ExportInput, ExportLabels } from './input.js';

/** The overview fields in document order. */
export const OVERVIEW_ORDER = [
  'occasion',
  'goals',
  'scopeOfInfluence',
  'constraints',
  'openQuestions',
  'hardToReachGroups',
  'resultsHandling',
  'participantFeedback',
  'evaluation',
] as const;

/** The plan's title, or the label for an untitled plan. */
export function planTitle(plan: PlanJSON, labels: ExportLabels): string {
  return plan.meta.title.trim() || labels.untitled;
}

/** The plan's status in words, saying so when an approved plan has changed since. */
export function planStatusText(input: ExportInput, labels: ExportLabels): string {
  return input.plan.meta.status === 'approved' && input.changedSinceApproval !== undefined
    ? labels.changedSinceApproval(input.changedSinceApproval)
    : labels.planStatus(input.plan.meta.status);
}

/** "start – end" of a phase; an open side reads as `labels.none`. */
export function phasePeriod(phase: PhaseJSON, labels: ExportLabels): string {
  if (phase.start === null && phase.end === null) return labels.none;
  const side = (date: string | null) => (date === null ? labels.none : labels.date(date));
  return `${side(phase.start)} – ${side(phase.end)}`;
}

/** Names of a format's target stakeholders, comma-separated. */
export function targetNames(plan: PlanJSON, format: FormatJSON): string {
  const names = new Map(plan.stakeholders.map((s) => [s.id as string, s.name]));
  return format.targetStakeholderIds
    .map((id) => names.get(id))
    .filter((name): name is string => name !== undefined && name.trim() !== '')
    .join(', ');
}

/** The title of the format or phase a result belongs to. */
export function resultSubject(plan: PlanJSON, result: ResultJSON, labels: ExportLabels): string {
  for (const phase of plan.phases) {
    if (phase.id === result.subjectId) return phase.title.trim() || labels.untitled;
    for (const format of phase.formats) {
      if (format.id === result.subjectId) return format.title.trim() || labels.untitled;
    }
  }
  return labels.none;
}

/** Date and time of a format, or `labels.none`. */
export function formatWhen(format: FormatJSON, labels: ExportLabels): string {
  return format.dateTime === null ? labels.none : labels.dateTime(format.dateTime);
}

/** Duration of a format, or `labels.none`. */
export function formatDuration(format: FormatJSON, labels: ExportLabels): string {
  return format.durationMinutes === null ? labels.none : labels.duration(format.durationMinutes);
}

/** Mode and place of a format, e.g. "online (BigBlueButton)". */
export function formatModePlace(format: FormatJSON, labels: ExportLabels): string {
  const place = format.placeOrTool.trim();
  return place === '' ? labels.mode(format.mode) : `${labels.mode(format.mode)} (${place})`;
}

/** Text or `labels.none` when blank. */
export function orNone(text: string, labels: ExportLabels): string {
  return text.trim() === '' ? labels.none : text;
}

/**
 * A file name stem for the plan: ASCII letters, digits and dashes only (umlauts transliterated),
 * at most 60 characters, never empty.
 */
export function fileSlug(title: string): string {
  const slug = title
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
    .toLowerCase();
  return slug === '' ? 'plan' : slug;
}
