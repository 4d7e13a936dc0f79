import { describe, expect, it } from 'vitest';
import { documentNameFromPath } from './http-server.js';

describe('documentNameFromPath', () => {
  it('takes the path after the first slash as the document name', () => {
    expect(documentNameFromPath('/plans/abc')).toBe('plans/abc');
    expect(documentNameFromPath('/plans%2Fabc')).toBe('plans/abc');
  });

  it('refuses empty, traversing, over-long and odd names', () => {
    for (const path of [
      '/',
      '/plans/../x',
      '/%E0%A4%A',
      `/${'a'.repeat(201)}`,
      '/a b',
      '/.hidden',
    ]) {
      expect(documentNameFromPath(path)).toBeNull();
    }
  });
});
