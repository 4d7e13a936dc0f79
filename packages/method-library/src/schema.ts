import { FORMAT_MODES, PARTICIPATION_LEVELS } from '@prozesswerkstatt/plan-model';
import { z } from 'zod';

/** The languages every method is written in (the app's languages). */
export const METHOD_LANGUAGES = ['de', 'en'] as const;
/** One of {@link METHOD_LANGUAGES}. */
export type MethodLanguage = (typeof METHOD_LANGUAGES)[number];

/** Units a method's duration is given in (a planning cell in days, a survey's field time in weeks). */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;
/** One of {@link DURATION_UNITS}. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** The small scale of effort and cost. */
export const EFFORT_SCALE = ['low', 'medium', 'high'] as const;
/** One step of {@link EFFORT_SCALE}. */
export type EffortScale = (typeof EFFORT_SCALE)[number];

/** Longest values, in characters; a method page is read in one go, not a book. */
export const METHOD_TEXT_LIMITS = {
  name: 120,
  /** Short notes (duration, group size). */
  note: 300,
  /** Every longer text (purpose, strengths, limits, …). */
  text: 3000,
} as const;

/** Most persons a group size may name (a city-wide survey); above it is a typo. */
export const MAX_GROUP_SIZE = 1_000_000;

/** A text that must say something: trimmed, not empty, at most `max` characters. */
function text(max: number) {
  return z.string().trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });
}

/** The same text in every language of {@link METHOD_LANGUAGES}. */
function localized(max: number) {
  return z.strictObject({ de: text(max), en: text(max) });
}

/** A text in German and English. */
export type LocalizedText = Record<MethodLanguage, string>;

const scaleWithText = z.strictObject({
  scale: z.enum(EFFORT_SCALE),
  text: localized(METHOD_TEXT_LIMITS.text),
});

/** How many persons take part: `max` null means open (a survey, an information event). */
export const groupSizeSchema = z
  .strictObject({
    min: z.number().int().min(1).max(MAX_GROUP_SIZE),
    max: z.number().int().min(1).max(MAX_GROUP_SIZE).nullable(),
  })
  .refine((size) => size.max === null || size.min <= size.max, {
    error: 'min_above_max',
    path: ['max'],
  });

/** How long the method typically takes, as a range in one unit, with a note in both languages. */
export const durationSchema = z
  .strictObject({
    min: z.number().positive().max(10_000),
    max: z.number().positive().max(10_000),
    unit: z.enum(DURATION_UNITS),
    note: localized(METHOD_TEXT_LIMITS.note),
  })
  .refine((duration) => duration.min <= duration.max, {
    error: 'min_above_max',
    path: ['max'],
  });

/**
 * What a method is, apart from its id: the texts in German and English, and the facts the
 * library filters on. The participation level and the mode use the plan's own vocabularies, so a
 * format made from a method needs no translation.
 */
export const methodContentSchema = z.strictObject({
  name: localized(METHOD_TEXT_LIMITS.name),
  purpose: localized(METHOD_TEXT_LIMITS.text),
  level: z.enum(PARTICIPATION_LEVELS),
  mode: z.enum(FORMAT_MODES),
  groupSize: groupSizeSchema,
  duration: durationSchema,
  effort: scaleWithText,
  cost: scaleWithText,
  recruitment: localized(METHOD_TEXT_LIMITS.text),
  strengths: localized(METHOD_TEXT_LIMITS.text),
  limits: localized(METHOD_TEXT_LIMITS.text),
  accessibility: localized(METHOD_TEXT_LIMITS.text),
});
/** A method's content (everything but its id). */
export type MethodContent = z.infer<typeof methodContentSchema>;

/**
 * A method id: lower-case letters, digits and hyphens, 2–64 characters. It is also a valid
 * plan-model id, since formats keep it as `methodId`.
 */
export const methodIdSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case letters, digits and hyphens');

/** A method of the seed data (the files in `src/methods/`). */
export const seedMethodSchema = methodContentSchema.extend({ id: methodIdSchema });
/** A method with its id. */
export type Method = z.infer<typeof seedMethodSchema>;

/** The fields of a method whose change the history names, in the order a page shows them. */
export const METHOD_FIELDS = [
  'name',
  'purpose',
  'level',
  'mode',
  'groupSize',
  'duration',
  'effort',
  'cost',
  'recruitment',
  'strengths',
  'limits',
  'accessibility',
] as const satisfies readonly (keyof MethodContent)[];
/** One of {@link METHOD_FIELDS}. */
export type MethodField = (typeof METHOD_FIELDS)[number];

/** The fields that differ between two versions of a method's content, in page order. */
export function changedMethodFields(before: MethodContent, after: MethodContent): MethodField[] {
  return METHOD_FIELDS.filter((field) => stableJSON(before[field]) !== stableJSON(after[field]));
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function stableJSON(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
