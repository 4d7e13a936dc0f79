/**
 * The catalog key naming a plan field: `plan_field_` plus the field's key in snake case
 * (`expectedOutput` → `plan_field_expected_output`).
 */
export function planFieldMessageKey(field: string): string {
  return `plan_field_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}
