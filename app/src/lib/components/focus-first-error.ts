/**
 * After a refused save, focus goes to the first field (in the form's order) that has an error, so
 * keyboard and screen reader users land on what needs fixing. Fields are found by their `name`.
 */
export function focusFirstError<Field extends string>(
  form: HTMLFormElement | undefined,
  order: readonly Field[],
  errors: Partial<Record<Field, string>>,
): void {
  const first = order.find((field) => errors[field]);
  if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}
