import { describe, expect, it } from 'vitest';
import { dropIndex, moveKeyDelta, stepIndex } from './ordering';

describe('ordering', () => {
  it('steps within bounds only', () => {
    expect(stepIndex(0, -1, 3)).toBeNull();
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBeNull();
    expect(stepIndex(2, -1, 3)).toBe(1);
  });

  it('drops onto the hovered item’s place', () => {
    expect(dropIndex(0, 2)).toBe(2);
    expect(dropIndex(3, 1)).toBe(1);
  });

  it('reads Alt+arrows (and Ctrl+Shift+arrows) as move keys', () => {
    const key = (key: string, mods: Partial<KeyboardEvent> = {}) =>
      moveKeyDelta({ key, altKey: false, ctrlKey: false, shiftKey: false, ...mods });
    expect(key('ArrowUp', { altKey: true })).toBe(-1);
    expect(key('ArrowDown', { ctrlKey: true, shiftKey: true })).toBe(1);
    expect(key('ArrowDown')).toBeNull();
    expect(key('Enter', { altKey: true })).toBeNull();
  });
});
