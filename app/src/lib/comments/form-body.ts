/** A form-encoded body (the content type SvelteKit's CSRF origin check covers). */
export function formBody(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}
