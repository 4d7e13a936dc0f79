import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileNames, isExportFormat } from './download-names.js';
import type { ExportSource } from './export-source.js';

function source(title: string, label?: string): ExportSource {
  return {
    plan: { meta: { title } } as ExportSource['plan'],
    canonicalJSON: '{}',
    ...(label === undefined
      ? {}
      : {
          version: {
            id: 'v1',
            label,
            note: '',
            createdAt: '',
            authorName: '',
            sha256: '',
            status: 'draft',
          },
        }),
  };
}

describe('download names', () => {
  it('knows exactly the three formats', () => {
    expect(['md', 'docx', 'json'].every(isExportFormat)).toBe(true);
    expect(isExportFormat('pdf')).toBe(false);
    expect(isExportFormat('../x')).toBe(false);
  });

  it('drops bidi overrides and controls from the readable file name', () => {
    // A title stored before input was cleaned, or a version label: "Bericht\u202Excod.exe" would
    // show as "Berichtexe.docx" and hide the real extension.
    const names = exportFileNames(source('Bericht\u202Excod.exe', 'v\u20661\u0007'), 'docx', '-');
    expect(names.readable).toBe('Berichtxcod.exe – v1.docx');
    expect(contentDisposition(names.ascii, names.readable)).not.toMatch(/%E2%80%AE|%E2%81%A6|%07/);
  });

  it('gives an ASCII file name and the readable one, with the version label', () => {
    expect(exportFileNames(source('Spielplatz Körnerpark'), 'md', 'Unbenannt')).toEqual({
      ascii: 'spielplatz-koernerpark.md',
      readable: 'Spielplatz Körnerpark.md',
    });
    expect(exportFileNames(source('Plan/"x"', 'Fassung 1'), 'docx', 'Unbenannt')).toEqual({
      ascii: 'plan-x-fassung-1.docx',
      readable: 'Plan x – Fassung 1.docx',
    });
    expect(exportFileNames(source('  '), 'json', 'Unbenannter Plan').ascii).toBe(
      'unbenannter-plan.json',
    );
  });

  it('writes a Content-Disposition header that cannot be broken out of', () => {
    expect(contentDisposition('a.md', "Grün's (1).md")).toBe(
      'attachment; filename="a.md"; filename*=UTF-8\'\'Gr%C3%BCn%27s%20%281%29.md',
    );
  });
});
