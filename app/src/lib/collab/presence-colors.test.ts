import { describe, expect, it } from 'vitest';
import {
  PRESENCE_COLORS,
  colorIndexFor,
  contrast,
  initials,
  presenceColor,
} from './presence-colors';

describe('presence colours', () => {
  it('every palette colour has ≥ 4.5:1 contrast with white', () => {
    for (const color of PRESENCE_COLORS)
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives a user the same colour every time and spreads users over the palette', () => {
    expect(colorIndexFor('user-1')).toBe(colorIndexFor('user-1'));
    const used = new Set(Array.from({ length: 50 }, (_, i) => colorIndexFor(`u${i}`)));
    expect(used.size).toBeGreaterThan(4);
    expect(presenceColor(-9)).toMatch(/^#/);
  });

  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  jo ')).toBe('J');
    expect(initials('Anna Maria Schmidt')).toBe('AS');
    expect(initials('')).toBe('?');
  });
});
