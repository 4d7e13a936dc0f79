import {
  METHOD_LANGUAGES,
  METHOD_TEXT_LIMITS,
  type MethodContent,
} from '@prozesswerkstatt/method-library';
import type { MethodInputIssue } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';

/** The texts of a method that are written in both languages, by form field prefix. */
export const LOCALIZED_FIELDS = [
  'name',
  'purpose',
  'duration.note',
  'effort.text',
  'cost.text',
  'recruitment',
  'strengths',
  'limits',
  'accessibility',
] as const;

/** The form's values as strings by field name (`purpose.de`, `groupSize.max`, …). */
export type MethodFormValues = Record<string, string>;

/** Most characters one form field may send before it is even read (the longest text's bound). */
const FIELD_MAX = METHOD_TEXT_LIMITS.text * 2;

/** Every value of a method as the form's fields. */
export function formValuesOf(content: MethodContent): MethodFormValues {
  const values: MethodFormValues = {
    level: content.level,
    mode: content.mode,
    'groupSize.min': String(content.groupSize.min),
    'groupSize.max': content.groupSize.max === null ? '' : String(content.groupSize.max),
    'duration.min': String(content.duration.min),
    'duration.max': String(content.duration.max),
    'duration.unit': content.duration.unit,
    'effort.scale': content.effort.scale,
    'cost.scale': content.cost.scale,
  };
  for (const field of LOCALIZED_FIELDS) {
    const text = localizedOf(content, field);
    for (const language of METHOD_LANGUAGES) values[`${field}.${language}`] = text[language];
  }
  return values;
}

function localizedOf(
  content: MethodContent,
  field: (typeof LOCALIZED_FIELDS)[number],
): Record<'de' | 'en', string> {
  switch (field) {
    case 'duration.note':
      return content.duration.note;
    case 'effort.text':
      return content.effort.text;
    case 'cost.text':
      return content.cost.text;
    default:
      return content[field];
  }
}

/** The form's fields as strings (unknown fields ignored, overlong ones cut before parsing). */
export function readMethodForm(form: FormData): MethodFormValues {
  const names = [
    'level',
    'mode',
    'groupSize.min',
    'groupSize.max',
    'duration.min',
    'duration.max',
    'duration.unit',
    'effort.scale',
    'cost.scale',
    ...LOCALIZED_FIELDS.flatMap((field) => METHOD_LANGUAGES.map((l) => `${field}.${l}`)),
  ];
  return Object.fromEntries(
    names.map((name) => {
      const value = form.get(name);
      return [name, typeof value === 'string' ? value.slice(0, FIELD_MAX) : ''];
    }),
  );
}

/** A number from a field: empty is null, anything not a finite number NaN (the schema refuses). */
function numberOf(value: string | undefined): number | null {
  const text = (value ?? '').trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The nested input the method schema checks (storage validates it before writing). */
export function methodInputOf(values: MethodFormValues): unknown {
  const pair = (prefix: string) => ({ de: values[`${prefix}.de`], en: values[`${prefix}.en`] });
  return {
    name: pair('name'),
    purpose: pair('purpose'),
    level: values.level,
    mode: values.mode,
    groupSize: { min: numberOf(values['groupSize.min']), max: numberOf(values['groupSize.max']) },
    duration: {
      min: numberOf(values['duration.min']),
      max: numberOf(values['duration.max']),
      unit: values['duration.unit'],
      note: pair('duration.note'),
    },
    effort: { scale: values['effort.scale'], text: pair('effort.text') },
    cost: { scale: values['cost.scale'], text: pair('cost.text') },
    recruitment: pair('recruitment'),
    strengths: pair('strengths'),
    limits: pair('limits'),
    accessibility: pair('accessibility'),
  };
}

/** One message per field, in the request's language, for the form to show beside the field. */
export function describeMethodErrors(issues: readonly MethodInputIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= messageOf(issue);
  return errors;
}

function messageOf(issue: MethodInputIssue): string {
  switch (issue.code) {
    case 'required':
      return m.methods_error_required();
    case 'too_long':
      return m.methods_error_too_long();
    case 'min_above_max':
      return m.methods_error_min_above_max();
    case 'invalid_type':
    case 'too_small':
    case 'too_big':
      return issue.path.startsWith('groupSize') || issue.path.startsWith('duration')
        ? m.methods_error_number()
        : m.methods_error_required();
    default:
      return m.methods_error_choice();
  }
}
