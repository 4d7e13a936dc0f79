/**
 * Takes the personal data out of a contribution's words before they go into a report or a
 * weighing table: its authors' and co-signers' names (whole, and each part of three or more
 * letters as a word), each line of the contact as a whole, plus anything shaped like an e-mail
 * address or a phone number. People
 * do sign their letters and write their addresses into the text; the report is for the public.
 * Removed text becomes "[…]", so a reader sees that something was left out.
 */

/** What stands in for removed text. */
export const REDACTED = '[…]';

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/giu;
/** A number written as a phone number: "+49 30 1234567", "030/123 45 67", "0171-1234567". */
const PHONE = /(?:\+\d{1,3}|\b0)[\d\s/().-]{5,}\d/gu;

/** A date such as "01.03.2026" or "1.3.26", which the phone pattern also matches. */
function isDate(found: string): boolean {
  return /^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})$/.test(found.trim());
}

function digitCount(found: string): number {
  return found.match(/\d/g)?.length ?? 0;
}

/** Seven digits or more and not a date. */
function isPhoneNumber(found: string): boolean {
  return digitCount(found) >= 7 && !isDate(found);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whose words these are: names of people (the author, co-signers) and the author's contact. */
export interface PersonalFields {
  names: readonly (string | null | undefined)[];
  contacts: readonly (string | null | undefined)[];
}

/**
 * The strings to remove for these personal fields. A name goes whole and in parts (people write
 * "Frau Muster"). A contact is an address, an e-mail address or a phone number, not a name: each
 * of its lines goes only as a whole phrase, so "10115 Berlin" leaves "Berlin" in "Das Land Berlin",
 * plus the e-mail addresses and phone numbers in it, also where they stand inside a line.
 */
export function personalTerms({ names, contacts }: PersonalFields): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const whole = name?.trim() ?? '';
    if (whole.length < 3) continue;
    terms.add(whole);
    for (const part of whole.split(/[\s,;]+/u)) {
      const word = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (word.length >= 3 && !word.includes('@')) terms.add(word);
    }
  }
  for (const contact of contacts) {
    for (const line of (contact ?? '').split(/\r?\n/u)) {
      const whole = line.trim();
      if (whole.length >= 3) terms.add(whole);
      for (const token of whole.split(/[\s,;:<>()]+/u)) {
        const address = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (address.includes('@')) terms.add(address);
      }
      // In a contact a short number is still a phone number; in other text it needs seven digits.
      for (const found of whole.match(PHONE) ?? []) {
        if (digitCount(found) >= 5 && !isDate(found)) terms.add(found.trim());
      }
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
    // Whole words only (no letter or digit on either side), so "Bank" in "Bankreihe" and
    // "Am Park 3" in "Am Park 31" stay; any run of spaces or line breaks stands for a space.
    const phrase = term.split(/\s+/u).map(escapeRegExp).join('\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(pattern, REDACTED);
  }
  return out;
}
