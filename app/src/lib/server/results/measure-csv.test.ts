import type { Measure } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import { measureToFileRow, readMeasureFile, writeMeasuresCsv } from './measure-csv.js';

const MEASURES: Measure[] = [
  {
    id: 'm-top',
    parentId: null,
    externalId: 'SenUVK-7',
    status: 'in_progress',
    progress: 40,
    startDate: '2026-04-01',
    endDate: '2026-12-31',
    weight: 2,
    title: { de: 'Linden pflanzen', en: 'Plant lime trees' },
    description: { de: 'Vier Bäume;\nan der Südseite' },
    version: 3,
    milestones: [],
    contributionIds: ['c1', 'c2', 'c-manual'],
  },
  {
    id: 'm-child',
    parentId: 'm-top',
    externalId: null,
    status: 'planned',
    progress: 0,
    startDate: null,
    endDate: null,
    weight: 1,
    title: { de: '=Ausschreibung' },
    description: {},
    version: 1,
    milestones: [],
    contributionIds: [],
  },
];

const REFS: Record<string, string> = {
  c1: 'https://decidim.example/proposals/101',
  c2: '102',
};

describe('accountability CSV of the measures page', () => {
  it('writes measures and reads them back as the same import rows', async () => {
    const bytes = await writeMeasuresCsv(
      MEASURES.map((m) => measureToFileRow(m, (id) => REFS[id] ?? null)),
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFid;parent/id;title/de;title/en;description/de;description/en;start_date;end_date;status/id;progress;proposal_urls;external_id;weight',
    );
    const file = await readMeasureFile(bytes);
    expect(file.errors).toEqual([]);
    expect(file.warnings).toEqual([]);
    expect(file.rows).toEqual([
      {
        line: 2,
        ref: 'm-top',
        parentRef: null,
        input: {
          title: { de: 'Linden pflanzen', en: 'Plant lime trees' },
          description: { de: 'Vier Bäume;\nan der Südseite' },
          status: 'in_progress',
          progress: 40,
          startDate: '2026-04-01',
          endDate: '2026-12-31',
          weight: 2,
          externalId: 'SenUVK-7',
        },
        proposalRefs: ['https://decidim.example/proposals/101', '102'],
      },
      {
        // The description's line break makes the record two lines long.
        line: 4,
        ref: 'm-child',
        parentRef: 'm-top',
        input: {
          title: { de: '=Ausschreibung' },
          description: {},
          status: 'planned',
          progress: 0,
          startDate: null,
          endDate: null,
          weight: 1,
          externalId: null,
        },
        proposalRefs: [],
      },
    ]);
  });

  it('names bad rows by line, warns about unknown statuses, refuses a file without titles', async () => {
    const csv =
      'id;title/de;status/id;progress;start_date;end_date\n' +
      '1;Radweg;7;12,5;;\n' +
      '2;;planned;;;\n' +
      '3;Bänke;planned;150;2026-05-01;2026-04-01\n';
    const file = await readMeasureFile(new TextEncoder().encode(csv));
    expect(file.rows.map((r) => [r.line, r.input.progress, r.input.status])).toEqual([
      [2, 13, undefined],
    ]);
    expect(file.warnings).toEqual([{ line: 2, value: '7' }]);
    expect(file.errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [3, 'missing', 'title'],
      [4, 'invalid_value', 'end_date'],
      [4, 'too_big', 'progress'],
    ]);
    const broken = await readMeasureFile(new TextEncoder().encode('id;name\n1;x\n'));
    expect(broken.errors.map((e) => [e.line, e.code])).toEqual([[1, 'missing_column']]);
  });
});
