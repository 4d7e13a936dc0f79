import { describe, expect, it } from 'vitest';
import { MethodNames } from './method-names';

describe('MethodNames', () => {
  it('names known methods only, and learns picked ones', () => {
    const names = new MethodNames({ 'world-cafe': 'World Café' });
    expect(names.nameOf('world-cafe')).toBe('World Café');
    expect(names.nameOf(null)).toBeUndefined();
    expect(names.nameOf('gone')).toBeUndefined();
    // Not a key of any object: an imported plan's id cannot reach the prototype.
    expect(names.nameOf('constructor')).toBeUndefined();
    names.learn('open-space', 'Open Space');
    expect(names.nameOf('open-space')).toBe('Open Space');
  });
});
