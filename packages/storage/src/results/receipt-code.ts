import { randomInt } from 'node:crypto';

/**
 * Receipt codes: what a letter writer or a workshop card gets to look their answer up. Random
 * (not derived from anything), 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L):
 * 31^10 ≈ 8·10^14 codes, shown in two groups of five.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_CODE_LENGTH = 10;

/** A new random code (undashed, as stored). */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i += 1) {
    code += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  }
  return code;
}

/** `ABCDE-FGHJK`, the form printed on receipts. */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The stored form of what someone typed: upper-cased, spaces and dashes dropped. Null when it cannot be a code (so no query is made for it).
 */
export function normalizeReceiptCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-–.]/g, '');
  if (code.length !== RECEIPT_CODE_LENGTH) return null;
  for (const char of code) if (!RECEIPT_ALPHABET.includes(char)) return null;
  return code;
}
