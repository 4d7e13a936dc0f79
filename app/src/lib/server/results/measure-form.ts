/**
 * The measure form of the measures page: reads the fields, checks them with one translated
 * message per field, and gives storage's input. Title and description are written in the
 * reader's language; other languages a measure has (from a Decidim file) are kept.
 */
import {
  MEASURE_STATUSES,
  type Measure,
  type MeasureInput,
  type MeasureStatus,
} from '@prozesswerkstatt/storage';
import { MEASURE_LIMITS } from '@prozesswerkstatt/participation-import';
import { m } from '$lib/paraglide/messages.js';
import { localized } from '$lib/results/measure-labels';
import { cleanLine, cleanMultiline } from '@prozesswerkstatt/plan-model';
import { formText } from '../form-fields.js';

export interface MeasureFormValues {
  title: string;
  description: string;
  status: string;
  progress: string;
  startDate: string;
  endDate: string;
}

export type MeasureFormErrors = Partial<Record<keyof MeasureFormValues, string>>;

export type MeasureFormResult =
  | { ok: true; input: MeasureInput; values: MeasureFormValues }
  | { ok: false; errors: MeasureFormErrors; values: MeasureFormValues };

/** An empty form for a new measure. */
export function emptyMeasureForm(): MeasureFormValues {
  return {
    title: '',
    description: '',
    status: 'planned',
    progress: '0',
    startDate: '',
    endDate: '',
  };
}

/** The form's values for an existing measure, in `locale`. */
export function measureFormValues(measure: Measure, locale: string): MeasureFormValues {
  return {
    title: localized(measure.title, locale),
    description: localized(measure.description, locale),
    status: measure.status,
    progress: String(measure.progress),
    startDate: measure.startDate ?? '',
    endDate: measure.endDate ?? '',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Reads and checks the form; `existing` keeps the measure's texts in other languages. */
export function parseMeasureForm(
  form: FormData,
  locale: string,
  existing?: Pick<Measure, 'title' | 'description'>,
): MeasureFormResult {
  const values: MeasureFormValues = {
    title: cleanLine(formText(form, 'title')).trim(),
    description: cleanMultiline(formText(form, 'description')).trim(),
    status: formText(form, 'status'),
    progress: formText(form, 'progress').trim(),
    startDate: formText(form, 'startDate').trim(),
    endDate: formText(form, 'endDate').trim(),
  };
  const errors: MeasureFormErrors = {};
  if (values.title === '' || values.title.length > MEASURE_LIMITS.title) {
    errors.title = m.results_measure_error_title();
  }
  if (values.description.length > MEASURE_LIMITS.description) {
    errors.description = m.results_measure_error_description();
  }
  if (!(MEASURE_STATUSES as readonly string[]).includes(values.status)) {
    errors.status = m.results_measure_error_status();
  }
  const progress = values.progress === '' ? 0 : Number(values.progress);
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) {
    errors.progress = m.results_measure_error_progress();
  }
  for (const key of ['startDate', 'endDate'] as const) {
    if (values[key] !== '' && !isDay(values[key])) errors[key] = m.results_measure_error_date();
  }
  if (!errors.startDate && !errors.endDate && values.startDate && values.endDate) {
    if (values.endDate < values.startDate)
      errors.endDate = m.results_measure_error_end_before_start();
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const description = { ...(existing?.description ?? {}), [locale]: values.description };
  if (values.description === '') delete description[locale];
  return {
    ok: true,
    values,
    input: {
      title: { ...(existing?.title ?? {}), [locale]: values.title },
      description,
      status: values.status as MeasureStatus,
      progress,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
    },
  };
}

/** A milestone's fields, or the message for a missing or too long title. */
export function parseMilestoneForm(
  form: FormData,
): { ok: true; title: string; dueDate: string | null } | { ok: false; error: string } {
  const title = cleanLine(formText(form, 'title')).trim();
  const due = formText(form, 'dueDate').trim();
  if (title === '' || title.length > 500)
    return { ok: false, error: m.results_measure_error_milestone() };
  if (due !== '' && !isDay(due)) return { ok: false, error: m.results_measure_error_date() };
  return { ok: true, title, dueDate: due || null };
}
