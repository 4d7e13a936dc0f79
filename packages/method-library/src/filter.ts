import {
  FORMAT_MODES,
  PARTICIPATION_LEVELS,
  type ParticipationLevel,
} from '@prozesswerkstatt/plan-model';
import {
  MAX_GROUP_SIZE,
  METHOD_LANGUAGES,
  type DurationUnit,
  type LocalizedText,
  type MethodContent,
} from './schema.js';

/** Where a method takes place (plan-model's format modes). */
export type MethodMode = (typeof FORMAT_MODES)[number];

/**
 * Minutes of working time per unit, only to compare and filter durations: a working day is
 * eight hours, a week five days, a month four weeks.
 */
export const MINUTES_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  minutes: 1,
  hours: 60,
  days: 480,
  weeks: 2400,
  months: 9600,
};

/** The duration ranges the library filters by, in minutes of working time (inclusive). */
export const DURATION_RANGES = {
  'up-to-2-hours': { from: 0, to: 120 },
  'half-day': { from: 121, to: 240 },
  'one-day': { from: 241, to: 480 },
  'several-days': { from: 481, to: 2400 },
  longer: { from: 2401, to: Number.POSITIVE_INFINITY },
} as const;
/** One key of {@link DURATION_RANGES}. */
export type DurationRange = keyof typeof DURATION_RANGES;
/** The keys of {@link DURATION_RANGES} from short to long. */
export const DURATION_RANGE_IDS = Object.keys(DURATION_RANGES) as DurationRange[];

/** What the library can be filtered by; an absent field does not filter. */
export interface MethodFilter {
  /** Words that must all occur in the method's texts (either language), any case. */
  query?: string;
  level?: ParticipationLevel;
  mode?: MethodMode;
  /** A group of this many persons fits the method's group size. */
  persons?: number;
  duration?: DurationRange;
}

/** What a filter looks at; full methods and the picker's short entries both have it. */
export interface FilterableMethod {
  level: ParticipationLevel;
  mode: MethodMode;
  groupSize: { min: number; max: number | null };
  duration: { min: number; max: number; unit: DurationUnit };
  /** {@link methodSearchText} of the method. */
  searchText: string;
}

/** Lower-case, Unicode-normalised form for matching ("Bürger" finds "BÜRGERRAT"). */
export function normalizeSearch(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('de');
}

/** Every text of a method in both languages, normalised, for {@link MethodFilter.query}. */
export function methodSearchText(content: MethodContent): string {
  const texts: LocalizedText[] = [
    content.name,
    content.purpose,
    content.duration.note,
    content.effort.text,
    content.cost.text,
    content.recruitment,
    content.strengths,
    content.limits,
    content.accessibility,
  ];
  return normalizeSearch(
    texts.flatMap((entry) => METHOD_LANGUAGES.map((language) => entry[language])).join('\n'),
  );
}

/** The method's duration range in minutes of working time. */
export function durationMinutes(duration: FilterableMethod['duration']): {
  min: number;
  max: number;
} {
  const factor = MINUTES_PER_UNIT[duration.unit];
  return { min: duration.min * factor, max: duration.max * factor };
}

/** True when the method's duration range overlaps `range`. */
export function durationInRange(
  duration: FilterableMethod['duration'],
  range: DurationRange,
): boolean {
  const { min, max } = durationMinutes(duration);
  const bounds = DURATION_RANGES[range];
  return min <= bounds.to && max >= bounds.from;
}

/** True when `method` passes every part of `filter`. */
export function matchesMethodFilter(method: FilterableMethod, filter: MethodFilter): boolean {
  if (filter.level !== undefined && method.level !== filter.level) return false;
  if (filter.mode !== undefined && method.mode !== filter.mode) return false;
  if (filter.persons !== undefined) {
    const { min, max } = method.groupSize;
    if (filter.persons < min || (max !== null && filter.persons > max)) return false;
  }
  if (filter.duration !== undefined && !durationInRange(method.duration, filter.duration)) {
    return false;
  }
  const words = normalizeSearch(filter.query ?? '')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return words.every((word) => method.searchText.includes(word));
}

/** The methods passing `filter`, in their given order. */
export function filterMethods<T extends FilterableMethod>(
  methods: readonly T[],
  filter: MethodFilter,
): T[] {
  return methods.filter((method) => matchesMethodFilter(method, filter));
}

/** Longest search text accepted from a URL or form. */
export const METHOD_QUERY_MAX_LENGTH = 200;

/** A filter read from a query string, and which parameters were not understood. */
export interface ParsedMethodFilter {
  filter: MethodFilter;
  invalid: (keyof MethodFilter)[];
}

/**
 * Reads a {@link MethodFilter} from URL parameters `q`, `level`, `mode`, `persons`, `duration`.
 * Empty parameters do not filter; a value that is not understood is left out and named in
 * `invalid`, so the page can say so instead of failing.
 */
export function parseMethodFilter(params: URLSearchParams): ParsedMethodFilter {
  const filter: MethodFilter = {};
  const invalid: (keyof MethodFilter)[] = [];
  const read = (name: string) => (params.get(name) ?? '').trim();

  const query = read('q');
  if (query.length > METHOD_QUERY_MAX_LENGTH) invalid.push('query');
  else if (query) filter.query = query;

  const level = read('level');
  if (level) {
    if (isOneOf(level, PARTICIPATION_LEVELS)) filter.level = level;
    else invalid.push('level');
  }
  const mode = read('mode');
  if (mode) {
    if (isOneOf(mode, FORMAT_MODES)) filter.mode = mode;
    else invalid.push('mode');
  }
  const persons = read('persons');
  if (persons) {
    const count = /^\d{1,7}$/.test(persons) ? Number(persons) : Number.NaN;
    if (count >= 1 && count <= MAX_GROUP_SIZE) filter.persons = count;
    else invalid.push('persons');
  }
  const duration = read('duration');
  if (duration) {
    if (isOneOf(duration, DURATION_RANGE_IDS)) filter.duration = duration;
    else invalid.push('duration');
  }
  return { filter, invalid };
}

/** The URL parameters of `filter` (the inverse of {@link parseMethodFilter}). */
export function methodFilterParams(filter: MethodFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.query) params.set('q', filter.query);
  if (filter.level) params.set('level', filter.level);
  if (filter.mode) params.set('mode', filter.mode);
  if (filter.persons !== undefined) params.set('persons', String(filter.persons));
  if (filter.duration) params.set('duration', filter.duration);
  return params;
}

function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}
