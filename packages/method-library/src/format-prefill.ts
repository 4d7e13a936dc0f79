import { RICH_TEXT_LIMITS, TEXT_LIMITS } from '@prozesswerkstatt/contract';
import { MINUTES_PER_UNIT, type MethodMode } from './filter.js';
import type { MethodContent, MethodLanguage } from './schema.js';

/** Longest planned duration of a format (plan-model's bound: one week); longer is a phase. */
const FORMAT_MAX_MINUTES = 7 * 24 * 60;

/** What a new format takes from a method, in one language. */
export interface FormatPrefill {
  title: string;
  /** The format's method field: the method's name. */
  method: string;
  mode: MethodMode;
  /** The typical length of one session, or null for methods that run for days or longer. */
  durationMinutes: number | null;
  /** Paragraphs of the format's description: purpose, duration, group size, recruitment. */
  description: string[];
}

/** Labels the description's paragraphs start with, in the language of the prefill. */
export interface FormatPrefillLabels {
  duration: string;
  groupSize: (min: number, max: number | null) => string;
  recruitment: string;
  accessibility: string;
}

/**
 * The fields of a format made from `content` in `language`. Only a method measured in minutes or
 * hours gets a duration (the middle of its range); a planning cell of four days is a phase's
 * business, and its duration note stays in the description.
 */
export function formatPrefill(
  content: MethodContent,
  language: MethodLanguage,
  labels: FormatPrefillLabels,
): FormatPrefill {
  const { duration } = content;
  const sessionLike = duration.unit === 'minutes' || duration.unit === 'hours';
  const minutes = Math.round(((duration.min + duration.max) / 2) * MINUTES_PER_UNIT[duration.unit]);
  return {
    title: clip(content.name[language], TEXT_LIMITS.format.title),
    method: clip(content.name[language], TEXT_LIMITS.format.method),
    mode: content.mode,
    durationMinutes: sessionLike && minutes <= FORMAT_MAX_MINUTES ? minutes : null,
    description: withinLimit(
      [
        content.purpose[language],
        `${labels.duration}: ${duration.note[language]}`,
        labels.groupSize(content.groupSize.min, content.groupSize.max),
        `${labels.recruitment}: ${content.recruitment[language]}`,
        `${labels.accessibility}: ${content.accessibility[language]}`,
      ],
      RICH_TEXT_LIMITS.formatDescription,
    ),
  };
}

/** The leading paragraphs that fit into `limit` characters together (the description's bound). */
function withinLimit(paragraphs: string[], limit: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const paragraph of paragraphs) {
    if (used + paragraph.length > limit) break;
    kept.push(paragraph);
    used += paragraph.length;
  }
  return kept;
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max);
}
