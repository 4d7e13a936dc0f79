import { describe, expect, it } from 'vitest';
import { minimalSplice, transformIndex } from './diff.js';

describe('minimalSplice', () => {
  it('finds one insertion, deletion or replacement between common prefix and suffix', () => {
    expect(minimalSplice('Auftakt', 'Auftakt')).toBeNull();
    expect(minimalSplice('Auftakt', 'Der Auftakt')).toEqual({
      index: 0,
      remove: 0,
      insert: 'Der ',
    });
    expect(minimalSplice('Parkfest', 'Park')).toEqual({ index: 4, remove: 4, insert: '' });
    expect(minimalSplice('Werkstatt', 'Wortstatt')).toEqual({ index: 1, remove: 3, insert: 'ort' });
  });

  it('places an ambiguous insertion at the caret', () => {
    expect(minimalSplice('miss', 'misss')).toEqual({ index: 2, remove: 0, insert: 's' });
    expect(minimalSplice('miss', 'misss', 4)).toEqual({ index: 3, remove: 0, insert: 's' });
    expect(minimalSplice('miss', 'misss', 5)).toEqual({ index: 4, remove: 0, insert: 's' });
  });

  it('never cuts a surrogate pair', () => {
    const splice = minimalSplice('a😀b', 'a😃b');
    expect(splice).toEqual({ index: 1, remove: 2, insert: '😃' });
  });
});

describe('transformIndex', () => {
  it('moves a caret by text inserted or deleted before it, not after it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 4 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 1 }, { insert: 'xy' }])).toBe(6);
  });
});
