import { describe, expect, it } from 'vitest';
import {
  documentNameFromPath,
  isDocumentName,
  planDocumentName,
  planIdOfDocument,
} from './document-names.js';

describe('plan document names', () => {
  it('makes and parses plans/<id>', () => {
    const id = 'Ab3_-xYz0123456789abcd';
    expect(planDocumentName(id)).toBe(`plans/${id}`);
    expect(planIdOfDocument(planDocumentName(id))).toBe(id);
  });

  it('refuses ids that are not plan ids', () => {
    for (const bad of ['', 'a/b', '../x', 'a b', 'ü', 'x'.repeat(101), 'a%2F']) {
      expect(() => planDocumentName(bad)).toThrow(RangeError);
    }
  });

  it('parses no plan id from other names', () => {
    for (const bad of ['plans/', 'plan/abc', 'plans/a/b', 'plans/../x', 'xplans/abc', 'abc']) {
      expect(planIdOfDocument(bad)).toBeNull();
    }
  });
});

describe('document names on the wire', () => {
  it('takes the name from the path, decoded', () => {
    expect(documentNameFromPath('/plans/abc')).toBe('plans/abc');
    expect(documentNameFromPath('/plans%2Fabc')).toBe('plans/abc');
    expect(documentNameFromPath('/bench-doc-1')).toBe('bench-doc-1');
  });

  it('refuses empty, traversing, over-long and odd names', () => {
    for (const path of [
      '/',
      '/plans/../x',
      '/%E0%A4%A',
      `/${'a'.repeat(201)}`,
      '/a b',
      '/.hidden',
      '/-leading-dash',
    ]) {
      expect(documentNameFromPath(path)).toBeNull();
    }
    expect(isDocumentName('plans/a b')).toBe(false);
  });
});
