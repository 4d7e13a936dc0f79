/** The example files in docs/examples are read without issues and as the writer wrote them. */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContributions } from './read-contributions.js';
import { collect, memorySink } from './testing/collect.js';
import { writeGenericCsv } from './write-contributions.js';

const examples = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

describe('docs/examples', () => {
  it('beitraege.csv and beitraege.xlsx hold the same five contributions, without issues', async () => {
    const csv = await collect(
      readContributions(createReadStream(join(examples, 'beitraege.csv')), { fileType: 'csv' }),
    );
    const xlsx = await collect(
      readContributions(createReadStream(join(examples, 'beitraege.xlsx')), { fileType: 'xlsx' }),
    );
    expect(csv.issues).toEqual([]);
    expect(csv.values).toHaveLength(5);
    expect(xlsx.values).toEqual(csv.values);
    expect(csv.values.map((c) => c.channel)).toEqual([
      'letter',
      'email',
      'workshop',
      'phone',
      'platform',
    ]);
    // Every column of the format is filled in at least one example.
    expect(csv.values[0]).toMatchObject({
      authorName: 'Erika Beispiel',
      authorContact: 'Beispielweg 1\n10115 Berlin',
      contactConsent: true,
      cosignerCount: 14,
      subjectRef: 'Phase 2: Vor-Ort-Beteiligung',
      title: 'Beleuchtung am Uferweg',
      labels: ['Sicherheit', 'Beleuchtung'],
    });
    expect(csv.values[1]).toMatchObject({
      authorKind: 'organisation',
      status: { decision: 'partly_adopted' },
      response: expect.any(String),
      reason: expect.any(String),
    });
    expect(csv.values[4]).toMatchObject({ sourceUrl: 'https://mein.berlin.de/ideas/2024-00017/' });
    // Written again, the CSV is byte for byte the example: the format round-trips.
    const { sink, bytes } = memorySink();
    await writeGenericCsv(csv.values, sink, { language: 'de' });
    expect(bytes()).toEqual(readFileSync(join(examples, 'beitraege.csv')));
  });

  it('contributions.csv (English headers) holds the same contributions', async () => {
    const de = await collect(
      readContributions(createReadStream(join(examples, 'beitraege.csv')), { fileType: 'csv' }),
    );
    const en = await collect(
      readContributions(createReadStream(join(examples, 'contributions.csv')), { fileType: 'csv' }),
    );
    expect(en.issues).toEqual([]);
    expect(en.values.map((c) => ({ ...c, status: c.status?.decision ?? null }))).toEqual(
      de.values.map((c) => ({ ...c, status: c.status?.decision ?? null })),
    );
  });
});
