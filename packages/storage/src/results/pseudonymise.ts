/**
 * Takes the personal data out of a contribution's words before they go into a report or a
 * weighing table: its authors' names (whole, and each part of three or more letters as a word),
 * contacts and co-signers, plus anything shaped like an e-mail address or a phone number. People
 * do sign their letters and write their addresses into the text; the report is for the public.
 * Removed text becomes "[…]", so a reader sees that something was left out.
 */

/** What stands in for removed text. */
export const REDACTED = '[…]';

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/giu;
/** A number written as a phone number: "+49 30 1234567", "030/123 45 67", "0171-1234567". */
const PHONE = /(?:\+\d{1,3}|\b0)[\d\s/().-]{5,}\d/gu;

/** Seven digits or more and not a date ("01.03.2026", "1.3.26"). */
function isPhoneNumber(found: string): boolean {
  const trimmed = found.trim();
  if (/^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(trimmed)) return false;
  return (trimmed.match(/\d/g)?.length ?? 0) >= 7;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The strings to remove for these personal fields: each whole, and each name's parts. */
export function personalTerms(fields: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const field of fields) {
    const whole = field?.trim() ?? '';
    if (whole.length < 3) continue;
    terms.add(whole);
    for (const part of whole.split(/[\s,;]+/u)) {
      const word = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (word.length >= 3 && !word.includes('@')) terms.add(word);
    }
  }
  // Longer first, so "Erika Muster" goes whole before "Muster" alone.
  return [...terms].sort((a, b) => b.length - a.length);
}

/** `text` without the given personal terms, e-mail addresses and phone numbers. */
export function pseudonymise(text: string, terms: readonly string[]): string {
  let out = text
    .replace(EMAIL, REDACTED)
    .replace(PHONE, (found) => (isPhoneNumber(found) ? REDACTED : found));
  for (const term of terms) {
    // Whole words only (letters on neither side), so "Bank" in "Bankreihe" stays.
    const pattern = new RegExp(`(?<!\\p{L})${escapeRegExp(term)}(?!\\p{L})`, 'giu');
    out = out.replace(pattern, REDACTED);
  }
  return out;
}
