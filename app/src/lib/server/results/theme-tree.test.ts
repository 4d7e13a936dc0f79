import { describe, expect, it } from 'vitest';
import { readExplanation, subtreeIds, themeTree } from './theme-tree.js';

const THEMES = [
  { id: 'a', parentId: null, label: 'Grün' },
  { id: 'b', parentId: 'a', label: 'Bäume' },
  { id: 'c', parentId: 'b', label: 'Straßenbäume' },
  { id: 'd', parentId: null, label: 'Verkehr' },
  { id: 'e', parentId: 'gone', label: 'Verwaist' },
];

describe('themeTree', () => {
  it('orders depth-first with depth and path; an orphan goes to the top', () => {
    expect(themeTree(THEMES).map((node) => [node.id, node.depth, node.path])).toEqual([
      ['a', 0, 'Grün'],
      ['b', 1, 'Grün › Bäume'],
      ['c', 2, 'Grün › Bäume › Straßenbäume'],
      ['d', 0, 'Verkehr'],
      ['e', 0, 'Verwaist'],
    ]);
  });

  it('finds a theme and everything under it', () => {
    expect([...subtreeIds(THEMES, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...subtreeIds(THEMES, 'd')]).toEqual(['d']);
  });
});

describe('readExplanation', () => {
  it('reads the stored words and score, and nothing from damaged text', () => {
    const stored = JSON.stringify({ method: 'm@1', score: 0.42, via: 'text', words: ['Baum'] });
    expect(readExplanation(stored)).toEqual({ words: ['Baum'], score: 0.42 });
    expect(readExplanation('{not json')).toBeNull();
    expect(readExplanation(null)).toBeNull();
    expect(readExplanation('{"words":[1,2]}')).toBeNull();
  });
});
