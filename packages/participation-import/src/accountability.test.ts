import { describe, expect, it } from 'vitest';
import { readMeasures, writeAccountabilityCsv } from './accountability.js';
import type { ImportedMeasure } from './contribution.js';
import { chunked, collect, memorySink } from './testing/collect.js';

const MEASURES: ImportedMeasure[] = [
  {
    ref: '1',
    parentRef: null,
    title: { de: 'Radweg Nord', en: 'Bike lane north' },
    description: { de: 'Geschützter Radweg;\nzweite Zeile', en: '' },
    startDate: '2024-04-01',
    endDate: '2024-12-31',
    statusRef: '2',
    progress: 40.5,
    proposalRefs: [
      'https://decidim.example/proposals/101',
      'https://decidim.example/proposals/102',
    ],
    externalId: 'SenUVK-7',
    weight: 1,
  },
  {
    ref: '2',
    parentRef: '1',
    title: { de: '-Meilenstein: Planung', en: '' },
    description: {},
    startDate: null,
    endDate: null,
    statusRef: null,
    progress: null,
    proposalRefs: [],
    externalId: null,
    weight: null,
  },
];

describe('Decidim accountability CSV', () => {
  it('writes the columns Decidim imports and reads them back', async () => {
    const { sink, bytes } = memorySink();
    await writeAccountabilityCsv(MEASURES, sink);
    const text = bytes().toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFid;parent/id;title/de;title/en;description/de;description/en;start_date;end_date;status/id;progress;proposal_urls;external_id;weight',
    );
    // A title starting with "-" is written with the apostrophe spreadsheets need.
    expect(text).toContain(";'-Meilenstein: Planung;");
    const { values, issues } = await collect(readMeasures(chunked(bytes(), 11)));
    expect(issues).toEqual([]);
    expect(values).toEqual([
      { ...MEASURES[0], description: { de: 'Geschützter Radweg;\nzweite Zeile' } },
      { ...MEASURES[1], title: { de: '-Meilenstein: Planung' } },
    ]);
  });

  it('reads Decidim spellings: ", "-joined proposal URLs, German dates, decimal commas', async () => {
    const csv =
      'id;parent/id;title/ca;title/de;description/de;start_date;end_date;status/id;progress;proposal_urls;external_id;weight\n' +
      '10;;Carril;Radweg;;01.04.2024;2024-05-01;3;12,5;https://d/p/1, https://d/p/2;;2\n';
    const { values } = await collect(readMeasures(chunked(csv)));
    expect(values).toMatchObject([
      {
        ref: '10',
        title: { ca: 'Carril', de: 'Radweg' },
        startDate: '2024-04-01',
        progress: 12.5,
        proposalRefs: ['https://d/p/1', 'https://d/p/2'],
        weight: 2,
      },
    ]);
  });

  it('reports bad rows with line and reason, and keeps reading', async () => {
    const csv =
      'id;parent/id;title/de;start_date;end_date;progress;weight\n' +
      '1;;Gut;2024-01-01;2024-02-01;10;\n' +
      '2;;;2024-01-01;;;\n' +
      '3;;Falsch;2024-03-01;2024-02-01;150;schwer\n' +
      '1;;Doppelt;;;;\n' +
      '4;4;Selbst;;;;\n';
    const { results } = await collect(readMeasures(chunked(csv)));
    expect(results.map((r) => [r.line, r.value === null])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
    ]);
    expect(results[1]!.issues.map((i) => i.code)).toEqual(['missing']);
    expect(results[2]!.issues.map((i) => [i.code, i.field]).sort()).toEqual([
      ['invalid_type', 'weight'],
      ['invalid_value', 'end_date'],
      ['too_big', 'progress'],
    ]);
    expect(results[3]!.issues).toMatchObject([{ code: 'duplicate_in_file', firstLine: 2 }]);
    expect(results[4]!.issues).toMatchObject([{ code: 'invalid_value', field: 'parent/id' }]);
  });

  it('needs at least one title column', async () => {
    await expect(collect(readMeasures(chunked('id;progress\n1;5\n')))).rejects.toMatchObject({
      issue: { code: 'missing_column', column: 'title/<locale>' },
    });
  });
});
