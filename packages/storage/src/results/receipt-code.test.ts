import { describe, expect, it } from 'vitest';
import {
  RECEIPT_ALPHABET,
  formatReceiptCode,
  newReceiptCode,
  normalizeReceiptCode,
} from './receipt-code.js';

describe('receipt codes', () => {
  it('are 10 characters from the alphabet without look-alikes, and differ', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newReceiptCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    }
    expect(RECEIPT_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('read back what people type: lower case, spaces and dashes', () => {
    const code = newReceiptCode();
    const typed = ` ${formatReceiptCode(code).toLowerCase().replace('-', ' - ')} `;
    expect(normalizeReceiptCode(typed)).toBe(code);
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeReceiptCode('ABCDE')).toBeNull();
    expect(normalizeReceiptCode('ABCDE-FGHI0')).toBeNull();
    expect(normalizeReceiptCode("' or 1=1 --")).toBeNull();
  });
});
