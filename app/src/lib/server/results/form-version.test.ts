import { describe, expect, it } from 'vitest';
import { parseRowVersion } from './form-version.js';

describe('parseRowVersion', () => {
  it('reads a positive integer as the page sent it', () => {
    expect(parseRowVersion('1', false)).toBe(1);
    expect(parseRowVersion('42', true)).toBe(42);
    expect(parseRowVersion('999999999', false)).toBe(999_999_999);
  });

  it('allows an empty version only where nothing was read yet', () => {
    expect(parseRowVersion('', true)).toBeNull();
    expect(parseRowVersion('', false)).toBeUndefined();
  });

  it('refuses what Number() would turn into NaN, 0 or a fraction', () => {
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', ' 7', '7 ', '0x10', '+3', '1234567890']) {
      expect(parseRowVersion(bad, true), bad).toBeUndefined();
    }
  });
});
