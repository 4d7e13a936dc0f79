/**
 * Board writes go through here: plan-model validates every input and throws
 * `PlanValidationError` for a value it refuses (e.g. a half-typed date); such a keystroke is
 * simply not written, and the field shows what the plan holds once the input is valid.
 */
import { PlanValidationError } from '@prozesswerkstatt/plan-model';

/** Runs one plan-model write; false when plan-model refused the value. */
export function tryWrite(write: () => unknown): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if (error instanceof PlanValidationError) return false;
    throw error;
  }
}

/** `''` → null (a cleared date), anything else unchanged. */
export function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}

/** A whole number of minutes from a number input, null when cleared, undefined when invalid. */
export function parseMinutes(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
