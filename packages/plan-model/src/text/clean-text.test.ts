import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline, cleanText, hasUnsafeCharacters } from './clean-text.js';

describe('cleanText', () => {
  it('removes a right-to-left override and every other bidi embedding, override and isolate', () => {
    expect(cleanLine('Anna\u202Efdp.exe')).toBe('Annafdp.exe');
    expect(cleanLine('\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069')).toBe('abcdefg');
  });

  it('keeps plain direction marks and right-to-left letters', () => {
    expect(cleanLine('שלום\u200F!')).toBe('שלום\u200F!');
    expect(cleanLine('a\u200Eb\u061Cc')).toBe('a\u200Eb\u061Cc');
  });

  it('removes C0 and C1 control characters and DEL', () => {
    expect(cleanLine('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg')).toBe('abcdefg');
  });

  it('turns tabs and line breaks into spaces in one-line fields', () => {
    expect(cleanLine('a\tb\nc\r\nd\u2028e')).toBe('a b c d e');
  });

  it('keeps tabs and line feeds in multi-line fields, one LF per break', () => {
    expect(cleanMultiline('a\tb\r\nc\rd\u2029e\u001B')).toBe('a\tb\nc\nd\ne');
    expect(cleanText('x\ny', { multiline: true })).toBe('x\ny');
  });

  it('leaves ordinary text, umlauts and emoji alone', () => {
    const text = 'Grüne Wiese – Workshop 👩‍💻 (Entwurf)';
    expect(cleanLine(text)).toBe(text);
    expect(hasUnsafeCharacters(text)).toBe(false);
    expect(hasUnsafeCharacters('a\u202Eb')).toBe(true);
  });
});
