/**
 * The name of a plan field in the user's language, for every place that names one: the board,
 * version diffs, import issues and exports. The catalog key is `plan_field_` plus the field's key
 * in snake case (`expectedOutput` → `plan_field_expected_output`), so a new field of the plan
 * needs its catalog entries and nothing here.
 */
import { m } from '$lib/paraglide/messages.js';
import { planFieldMessageKey } from './plan-field-key';

const messages = m as unknown as Record<string, (() => string) | undefined>;

/** The label of a field key; a key without a catalog entry is shown as it is. */
export function planFieldLabel(field: string): string {
  const message = messages[planFieldMessageKey(field)];
  return typeof message === 'function' ? message() : field;
}
