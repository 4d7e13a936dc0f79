import {
  getOverviewText,
  initPlan,
  planToJSON,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import type { RichTextJSON } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hasText } from './rich-text.js';

/** A field written the way the board's editor writes it, in planToJSON's form. */
function written(paragraphs: string[]): RichTextJSON {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Test' });
  writePlainParagraphs(getOverviewText(doc, 'goals'), paragraphs);
  return planToJSON(doc).overview.goals;
}

describe('hasText', () => {
  it('an empty field has no text', () => {
    expect(hasText({ attrs: {}, delta: [] })).toBe(false);
    expect(hasText(written([]))).toBe(false);
  });

  it('empty paragraphs have no text', () => {
    expect(hasText(written(['', '', '']))).toBe(false);
  });

  it('white space only, also no-break, zero-width and line breaks, is no text', () => {
    expect(hasText(written(['   ', '\t', '\n']))).toBe(false);
    expect(hasText(written(['\u00A0\u2003', '\u200B\uFEFF']))).toBe(false);
  });

  it('one visible character in any paragraph is text', () => {
    expect(hasText(written(['', ' x ']))).toBe(true);
    expect(hasText(written(['.']))).toBe(true);
  });

  it('finds text nested in elements (a list item inside a list) and loose strings', () => {
    const item = {
      type: 'xmlText' as const,
      attrs: { __type: 'listitem' },
      delta: [{ insert: 'Bänke' }],
    };
    const list = { type: 'xmlText' as const, attrs: { __type: 'list' }, delta: [{ insert: item }] };
    expect(hasText({ attrs: {}, delta: [{ insert: list }] })).toBe(true);
    expect(hasText({ attrs: {}, delta: [{ insert: 'lose' }] })).toBe(true);
    const element = {
      type: 'xmlElement' as const,
      nodeName: 'x',
      attrs: {},
      children: [{ type: 'xmlText' as const, attrs: {}, delta: [{ insert: 'innen' }] }],
    };
    expect(hasText({ attrs: {}, delta: [{ insert: element }] })).toBe(true);
  });

  it('node properties and attributes are no text', () => {
    const props = { type: 'map' as const, entries: { __type: 'text', __style: 'color: red' } };
    const paragraph = {
      type: 'xmlText' as const,
      attrs: { __type: 'paragraph', __style: 'font-weight: bold' },
      delta: [{ insert: props }, { insert: ' ' }],
    };
    expect(hasText({ attrs: { title: 'Ziel' }, delta: [{ insert: paragraph }] })).toBe(false);
    expect(hasText({ attrs: {}, delta: [{ insert: { type: 'json', value: 'Text' } }] })).toBe(
      false,
    );
  });
});
