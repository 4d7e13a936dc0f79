import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getOverviewText } from '../overview.js';
import { overviewFieldRef, recordFieldRef } from './anchor.js';
import { RICH_TEXT_LIMITS, richTextLength, richTextLimit } from './limits.js';
import { writePlainParagraphs } from './plain.js';

describe('richTextLimit', () => {
  it('gives each kind of field its documented limit', () => {
    expect(richTextLimit(overviewFieldRef('occasion'))).toBe(RICH_TEXT_LIMITS.overview);
    expect(richTextLimit(overviewFieldRef('openQuestions'))).toBe(20_000);
    expect(richTextLimit(recordFieldRef('format', 'f1'))).toBe(10_000);
    expect(richTextLimit(recordFieldRef('phase', 'p1'))).toBe(5_000);
    expect(richTextLimit(recordFieldRef('stakeholder', 's1'))).toBe(2_000);
  });
});

describe('richTextLength', () => {
  it('counts the characters of all paragraphs, not the breaks between them', () => {
    const doc = new Y.Doc();
    const field = getOverviewText(doc, 'goals');
    expect(richTextLength(field)).toBe(0);
    writePlainParagraphs(field, ['Mehr Radwege', '', 'für alle']);
    expect(richTextLength(field)).toBe('Mehr Radwege'.length + 'für alle'.length);
  });
});
