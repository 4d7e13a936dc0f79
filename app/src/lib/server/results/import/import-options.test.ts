import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_FILE_BYTES,
  importLimitBytes,
  optionsKey,
  parseImportOptions,
} from './import-options.js';

describe('import options', () => {
  const subjects = new Set(['p1']);
  const parse = (query: string) => parseImportOptions(new URLSearchParams(query), subjects);

  it('reads the kind, the format (auto by default) and the default subject', () => {
    expect(parse('type=xlsx&format=adhocracy&subject=p1')).toEqual({
      fileType: 'xlsx',
      format: 'adhocracy',
      subjectId: 'p1',
    });
    expect(parse('type=csv')).toEqual({ fileType: 'csv', format: 'auto', subjectId: null });
  });

  it('refuses unknown kinds, formats and subjects of another plan', () => {
    expect(parse('format=auto')).toBeNull();
    expect(parse('type=pdf')).toBeNull();
    expect(parse('type=csv&format=excel')).toBeNull();
    expect(parse('type=csv&subject=p9')).toBeNull();
  });

  it('keys the options for the hash, so another choice gives another hash', () => {
    const a = optionsKey({ fileType: 'csv', format: 'auto', subjectId: null });
    const b = optionsKey({ fileType: 'csv', format: 'auto', subjectId: 'p1' });
    expect(a).not.toBe(b);
  });

  it("keeps the largest file within the app's body size limit", () => {
    expect(importLimitBytes('8M')).toBe(8 * 1024 * 1024);
    expect(importLimitBytes('700k')).toBe(700 * 1024);
    expect(importLimitBytes('1G')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(importLimitBytes('Infinity')).toBe(MAX_IMPORT_FILE_BYTES);
    expect(importLimitBytes(undefined)).toBe(512 * 1024);
  });
});
