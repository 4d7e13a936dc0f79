/**
 * A phase's resource numbers as people type and read them: what an input holds becomes a value
 * to write or a named problem (shown, translated, and nothing written), and a value is shown in
 * the reader's locale (German: 1.234,50 €). The bounds are plan-model's, which checks every
 * write again.
 */
import { PHASE_RESOURCE_LIMITS, type PhaseResourceField } from '@prozesswerkstatt/plan-model';

/** Why an entry is refused. */
export type ResourceInputProblem = 'not_a_number' | 'negative' | 'too_large' | 'not_whole';

/** An entry read: a value to write (null: not planned) or why it is refused. */
export type ResourceInput = { value: number | null } | { problem: ResourceInputProblem };

/**
 * Reads the value of a number input. `badInput` is the input's `validity.badInput`: the browser
 * could not read a number from what was typed (its `value` is then `''`, like an empty field, so
 * only this flag tells "1e" or "-" from a cleared field, which means "not planned").
 */
export function readResourceInput(
  field: PhaseResourceField,
  raw: string,
  badInput: boolean,
): ResourceInput {
  if (badInput) return { problem: 'not_a_number' };
  if (raw.trim() === '') return { value: null };
  const value = Number(raw);
  if (!Number.isFinite(value)) return { problem: 'not_a_number' };
  const { max, whole } = PHASE_RESOURCE_LIMITS[field];
  if (value < 0) return { problem: 'negative' };
  if (value > max) return { problem: 'too_large' };
  if (whole && !Number.isInteger(value)) return { problem: 'not_whole' };
  return { value };
}

/** A resource value for reading: euros as currency, the rest with up to two decimals. */
export function formatResource(field: PhaseResourceField, value: number, locale: string): string {
  return field === 'budgetEuros'
    ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value)
    : formatNumber(value, locale);
}

/** A plain number in `locale`, up to two decimals, with grouping (German: 1.234,5). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
