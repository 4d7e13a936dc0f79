import { describe, expect, it } from 'vitest';
import { anchorElementKey, elementKey, parseAnchor } from './anchor.js';

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

  it('refuses anything else', () => {
    for (const json of [
      'null',
      '[]',
      '{"kind":"element","part":"meta","id":"x"}',
      '{"kind":"element","part":"phase","id":"../x"}',
      '{"kind":"text","field":"phase:p:notes","start":"AA==","end":"AA==","quote":"x"}',
      '{"kind":"text","field":"overview:goals","start":"AA==","end":"AA==","quote":""}',
    ]) {
      expect(parseAnchor(json)).toBeNull();
    }
  });
});
