import { describe, expect, it } from 'vitest';
import { anchorLabel } from './anchor-label.js';
import { anchorElementKey, contributionIdOf, elementKey, parseAnchor } from './anchor.js';

describe('comment anchors', () => {
  it('accepts element and text anchors and keys them by their element', () => {
    const phase = parseAnchor('{"kind":"element","part":"phase","id":"p_1"}');
    expect(phase).toEqual({ kind: 'element', part: 'phase', id: 'p_1' });
    const text = parseAnchor(
      JSON.stringify({
        kind: 'text',
        field: 'phase:p_1:goal',
        start: 'AAE=',
        end: 'AAI=',
        quote: 'Ziel',
      }),
    );
    expect(text && anchorElementKey(text)).toBe(elementKey('phase', 'p_1'));
    const overview = parseAnchor(
      JSON.stringify({
        kind: 'text',
        field: 'overview:goals',
        start: 'AA==',
        end: 'AA==',
        quote: 'x',
      }),
    );
    expect(overview && anchorElementKey(overview)).toBe(elementKey('overview', 'goals'));
  });

  it('accepts a contribution anchor, keyed and labelled by the contribution', () => {
    const id = '1a2b3c4d-0000-4000-8000-000000000001';
    const anchor = parseAnchor(JSON.stringify({ kind: 'element', part: 'contribution', id }));
    expect(anchor).toEqual({ kind: 'element', part: 'contribution', id });
    expect(anchor && contributionIdOf(anchor)).toBe(id);
    expect(anchor && anchorElementKey(anchor)).toBe(elementKey('contribution', id));
    expect(anchor && anchorLabel(anchor)).toMatch(/#1a2b3c4d$/);
    expect(anchor && anchorLabel(anchor, () => 'Mehr Bänke')).toContain('Mehr Bänke');
    const phase = parseAnchor('{"kind":"element","part":"phase","id":"p_1"}');
    expect(phase && contributionIdOf(phase)).toBeNull();
  });

  it('refuses anything else', () => {
    for (const json of [
      'null',
      '[]',
      '{"kind":"element","part":"meta","id":"x"}',
      '{"kind":"element","part":"contribution","id":"a b"}',
      '{"kind":"element","part":"phase","id":"../x"}',
      '{"kind":"text","field":"phase:p:notes","start":"AA==","end":"AA==","quote":"x"}',
      '{"kind":"text","field":"overview:goals","start":"AA==","end":"AA==","quote":""}',
    ]) {
      expect(parseAnchor(json)).toBeNull();
    }
  });
});
