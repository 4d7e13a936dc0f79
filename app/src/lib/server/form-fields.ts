/** Longest id a hidden form field may carry: ours are 22–64 characters; longer cannot match. */
export const ID_MAX_LENGTH = 100;

/** The text of form field `name` ('' when missing or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** `text` as an id (from a URL or a form), or '' when it is too long to be one: it matches nothing. */
export function boundedId(text: string): string {
  return text.length <= ID_MAX_LENGTH ? text : '';
}

/** An id from a hidden form field, or '' when it is too long to be one (it then matches nothing). */
export function formId(form: FormData, name: string): string {
  return boundedId(formText(form, name));
}
