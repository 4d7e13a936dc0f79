import { describe, expect, it } from 'vitest';
import { MAX_PARTS, parseSplitForm, proposedParts } from './split-form.js';

function formOf(parts: string[], version = '3', replyVersion = ''): FormData {
  const form = new FormData();
  form.set('version', version);
  form.set('replyVersion', replyVersion);
  for (const part of parts) form.append('part', part);
  return form;
}

describe('proposedParts', () => {
  it('proposes paragraphs, then lines, then the whole text', () => {
    expect(proposedParts('Erstens Bäume.\r\n\r\n  Zweitens Bänke.\n\n\n')).toEqual([
      'Erstens Bäume.',
      'Zweitens Bänke.',
    ]);
    expect(proposedParts('1. Bäume\n2. Bänke\n')).toEqual(['1. Bäume', '2. Bänke']);
    expect(proposedParts('Nur ein Satz.')).toEqual(['Nur ein Satz.']);
  });
});

describe('parseSplitForm', () => {
  it('keeps the non-empty parts in order, trimmed', () => {
    expect(parseSplitForm(formOf([' Bäume ', '', 'Bänke']))).toEqual({
      ok: true,
      parts: [{ text: 'Bäume' }, { text: 'Bänke' }],
      base: { version: 3, replyVersion: null },
    });
  });

  it('carries the versions the page read and refuses a form without them', () => {
    const parsed = parseSplitForm(formOf(['Bäume', 'Bänke'], '4', '2'));
    expect(parsed.ok && parsed.base).toEqual({ version: 4, replyVersion: 2 });
    for (const [version, replyVersion] of [
      ['', ''],
      ['0', ''],
      ['x', ''],
      ['4', 'zwei'],
      ['1234567890', ''],
    ] as const) {
      const refused = parseSplitForm(formOf(['Bäume', 'Bänke'], version, replyVersion));
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.parts).toEqual(['Bäume', 'Bänke']);
    }
    const missing = new FormData();
    missing.append('part', 'Bäume');
    missing.append('part', 'Bänke');
    expect(parseSplitForm(missing).ok).toBe(false);
  });

  it('needs two parts with text', () => {
    const parsed = parseSplitForm(formOf(['Bäume', '   ']));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBeTruthy();
  });

  it('refuses too many parts and too long ones, saying which', () => {
    expect(parseSplitForm(formOf(Array.from({ length: MAX_PARTS + 1 }, () => 'x'))).ok).toBe(false);
    const parsed = parseSplitForm(formOf(['kurz', 'x'.repeat(100_001)]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.partErrors)).toEqual(['1']);
  });
});
