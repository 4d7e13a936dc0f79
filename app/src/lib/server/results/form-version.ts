/**
 * The hidden `version` field of the results forms: the row version the person's page read, which
 * storage compares before it writes. Read strictly, so a forged or damaged field is refused as the
 * person's error instead of reaching the database as NaN (which PostgreSQL refuses for an integer
 * column, a 500) or as 0 (from `Number('')`).
 */

/**
 * The version in `text`: a positive integer of at most nine digits (within PostgreSQL's
 * `integer`; versions start at 1), or null when empty and `emptyAllowed` (nothing was read yet);
 * undefined when bad.
 */
export function parseRowVersion(text: string, emptyAllowed: boolean): number | null | undefined {
  if (text === '') return emptyAllowed ? null : undefined;
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const version = Number(text);
  return version >= 1 ? version : undefined;
}
