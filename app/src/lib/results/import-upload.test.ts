import { describe, expect, it } from 'vitest';
import { completeLines, fileTypeOfName } from './import-upload';

describe('completeLines', () => {
  it('returns whole lines and keeps a partial one for the next chunk', () => {
    const first = completeLines('{"kind":"progress","rows":1000}\n{"kind":"prog');
    expect(first.lines).toEqual([{ kind: 'progress', rows: 1000 }]);
    expect(first.rest).toBe('{"kind":"prog');
    const second = completeLines(`${first.rest}ress","rows":2000}\n\n`);
    expect(second.lines).toEqual([{ kind: 'progress', rows: 2000 }]);
    expect(second.rest).toBe('');
  });

  it('returns nothing until a line is complete', () => {
    expect(completeLines('{"kind":"done"')).toEqual({ lines: [], rest: '{"kind":"done"' });
  });
});

describe('fileTypeOfName', () => {
  it('guesses the kind from the extension', () => {
    expect(fileTypeOfName('Ideen.XLSX')).toBe('xlsx');
    expect(fileTypeOfName('beitraege.csv')).toBe('csv');
    expect(fileTypeOfName('proposals.json')).toBe('json');
    expect(fileTypeOfName('notes.pdf')).toBe('');
  });
});
