import { describe, expect, it } from 'vitest';
import { nextIndex } from './roving-toolbar.js';

describe('toolbar keys', () => {
  it('arrows move and wrap, Home and End jump, other keys do nothing', () => {
    expect(nextIndex('ArrowRight', 0, 6)).toBe(1);
    expect(nextIndex('ArrowRight', 5, 6)).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 6)).toBe(5);
    expect(nextIndex('Home', 4, 6)).toBe(0);
    expect(nextIndex('End', 1, 6)).toBe(5);
    expect(nextIndex('Enter', 2, 6)).toBeNull();
    expect(nextIndex('Tab', 2, 6)).toBeNull();
  });
});
