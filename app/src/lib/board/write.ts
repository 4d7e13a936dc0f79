/**
 * Board writes go through here: plan-model validates every input and throws
 * `PlanValidationError` for a value it refuses (e.g. a half-typed date); such a keystroke is
 * simply not written, and the field shows what the plan holds once the input is valid.
 */
import { PlanValidationError, type PlanIssueCode } from '@prozesswerkstatt/plan-model';

/** Runs one plan-model write; false when plan-model refused the value. */
export function tryWrite(write: () => unknown): boolean {
  return refusalOf(write) === null;
}

/**
 * Runs one plan-model write; null when it was written, else the code of why plan-model refused
 * it (`'other'` when the issue has none), so the board can say why when it matters.
 */
export function refusalOf(write: () => unknown): PlanIssueCode | 'other' | null {
  try {
    write();
    return null;
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues[0]?.code ?? 'other';
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
