import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ImportedContribution } from '../contribution.js';
import { ImportFileError } from '../issues.js';
import { readContributions } from '../read-contributions.js';
import { chunked, collect, memorySink, xlsxOf } from '../testing/collect.js';
import { writeGenericCsv, writeGenericXlsx } from '../write-contributions.js';

const BOM = '\uFEFF';

// A file as staff would save it from Excel: German headers, `;`, BOM, CRLF, a letter whose text
// has line breaks and a `;` inside quotes, blank rows, a padded empty row and one bad row.
const GERMAN_CSV =
  BOM +
  'Kanal;Quellsystem;Quellreferenz;Eingangsdatum;Absenderart;Pseudonym;Name;Kontakt;Kontakt erlaubt;Mitzeichnende;Phase/Format;Titel;Text;Themen\r\n' +
  'Brief;Posteingang;B-2024-001;05.03.2024;Person;Anwohnerin Nord;Erika Muster;"Musterweg 1\r\n10115 Berlin";ja;3;Workshop Nord;Radweg;"Bitte einen Radweg;\r\nauch nachts beleuchtet.";Verkehr, Licht\r\n' +
  '\r\n' +
  'E-Mail;;M-17;2024-03-06;Organisation;Verein Grün;;info@example.org;nein;;;;Mehr Bäume im Park;Grün\r\n' +
  ';;;;;;;;;;;;;\r\n' +
  'Brieftaube;;X-1;31.02.2024;;;;;vielleicht;viele;;;Ungültige Zeile;\r\n' +
  'Telefon;;T-9;;anonym;;;;;;;;"Anruf: Spielplatz ""sicherer"" machen";\r\n';

describe('generic format, CSV', () => {
  it('reads German headers, a BOM, quoted line breaks and skips empty rows', async () => {
    const { results, values } = await collect(
      readContributions(chunked(GERMAN_CSV), { fileType: 'csv' }),
    );
    expect(results.map((r) => r.line)).toEqual([2, 6, 8, 9]);
    expect(values).toHaveLength(3);
    const [letter, mail, call] = values as [
      ImportedContribution,
      ImportedContribution,
      ImportedContribution,
    ];
    expect(letter).toMatchObject({
      channel: 'letter',
      sourceSystem: 'Posteingang',
      sourceRef: 'B-2024-001',
      receivedAt: '2024-03-05',
      authorKind: 'person',
      pseudonym: 'Anwohnerin Nord',
      authorName: 'Erika Muster',
      authorContact: 'Musterweg 1\n10115 Berlin',
      contactConsent: true,
      cosignerCount: 3,
      subjectRef: 'Workshop Nord',
      title: 'Radweg',
      text: 'Bitte einen Radweg;\nauch nachts beleuchtet.',
      labels: ['Verkehr', 'Licht'],
      status: null,
    });
    expect(mail).toMatchObject({
      channel: 'email',
      authorKind: 'organisation',
      contactConsent: false,
      cosignerCount: 0,
      receivedAt: '2024-03-06',
      text: 'Mehr Bäume im Park',
    });
    expect(call).toMatchObject({
      channel: 'phone',
      authorKind: 'anonymous',
      text: 'Anruf: Spielplatz "sicherer" machen',
    });
  });

  it('reports each wrong value of the bad middle row with its line and column', async () => {
    const { results } = await collect(readContributions(chunked(GERMAN_CSV), { fileType: 'csv' }));
    const bad = results.find((r) => r.line === 8)!;
    expect(bad.value).toBeNull();
    expect(bad.issues.map((i) => [i.code, i.field, i.column, i.severity]).sort()).toEqual(
      [
        ['invalid_value', 'channel', 'Kanal', 'error'],
        ['invalid_format', 'receivedAt', 'Eingangsdatum', 'error'],
        ['invalid_value', 'contactConsent', 'Kontakt erlaubt', 'error'],
        ['invalid_type', 'cosignerCount', 'Mitzeichnende', 'error'],
      ].sort(),
    );
    // Rows after the bad one are still read.
    expect(results.filter((r) => r.value !== null).map((r) => r.line)).toEqual([2, 6, 9]);
  });

  it('flags a repeated source reference and an empty text', async () => {
    const csv =
      'channel;source_reference;text\n' +
      'letter;A-1;Erster Brief\n' +
      'letter;A-2;\n' +
      'letter;A-1;Noch einmal derselbe Brief\n';
    const { results } = await collect(readContributions(chunked(csv), { fileType: 'csv' }));
    expect(results[1]!.issues).toMatchObject([{ code: 'missing', field: 'text', line: 3 }]);
    expect(results[2]!.issues).toMatchObject([
      { code: 'duplicate_in_file', line: 4, firstLine: 2, column: 'source_reference' },
    ]);
  });

  it('reads English headers with `,` as separator and a default channel', async () => {
    const csv =
      'Text,Received on,Author kind,Decision,Reason\n"Hello, city",2024-01-02T23:30:00Z,Public body,partly adopted,"Fits, mostly"\n';
    const { values } = await collect(
      readContributions(chunked(csv), { fileType: 'csv', defaults: { channel: 'survey' } }),
    );
    expect(values).toMatchObject([
      {
        channel: 'survey',
        text: 'Hello, city',
        // 23:30 UTC is already the next day in Berlin.
        receivedAt: '2024-01-03',
        authorKind: 'public_body',
        status: { state: 'answered', decision: 'partly_adopted' },
        reason: 'Fits, mostly',
      },
    ]);
  });

  it('refuses a file without the text column, and a quote that never closes', async () => {
    await expect(
      collect(
        readContributions(chunked('Kanal;Titel\nBrief;x\n'), {
          fileType: 'csv',
          format: 'generic',
        }),
      ),
    ).rejects.toMatchObject({ issue: { code: 'missing_column', column: 'Text' } });
    const broken = 'Kanal;Text\nBrief;gut\nBrief;"offen\nBrief;zu\n';
    const error = await collect(readContributions(chunked(broken), { fileType: 'csv' })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).issue).toMatchObject({ code: 'unreadable_file', line: 3 });
  });

  it('refuses text that is not UTF-8 (a Windows-1252 export)', async () => {
    const latin1 = Buffer.from('Kanal;Text\nBrief;Gr\xfc\xdfe\n', 'latin1');
    await expect(
      collect(readContributions(chunked(latin1), { fileType: 'csv' })),
    ).rejects.toMatchObject({
      issue: { code: 'not_utf8' },
    });
  });
});

const SAMPLE: ImportedContribution[] = [
  {
    channel: 'letter',
    sourceSystem: 'Posteingang',
    sourceRef: 'B-1',
    receivedAt: '2024-03-05',
    authorKind: 'organisation',
    pseudonym: 'Verein Nord',
    authorName: 'Max Beispiel',
    authorContact: 'Weg 2\n10115 Berlin',
    contactConsent: true,
    cosignerCount: 12,
    subjectRef: 'Phase 1',
    title: 'Lärmschutz',
    text: '=1+2 ist keine Formel;\n"zitiert" und mehrzeilig',
    labels: ['Lärm', 'Verkehr'],
    sourceUrl: null,
    status: { raw: 'teilweise übernommen', state: 'answered', decision: 'partly_adopted' },
    response: 'Wird geprüft.',
    reason: 'Teilweise umsetzbar.',
    inReplyTo: null,
    metrics: {},
  },
  {
    channel: 'workshop',
    sourceSystem: null,
    sourceRef: null,
    receivedAt: null,
    authorKind: 'anonymous',
    pseudonym: null,
    authorName: null,
    authorContact: null,
    contactConsent: false,
    cosignerCount: 0,
    subjectRef: null,
    title: null,
    text: 'Karte: Mehr Sitzbänke',
    labels: [],
    sourceUrl: null,
    status: null,
    response: null,
    reason: null,
    inReplyTo: null,
    metrics: {},
  },
];

describe('generic format, written and read back', () => {
  for (const language of ['de', 'en'] as const) {
    it(`round-trips CSV (${language})`, async () => {
      const { sink, bytes } = memorySink();
      await writeGenericCsv(SAMPLE, sink, { language });
      const file = bytes();
      expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(file.toString('utf8')).toContain("'=1+2");
      const { values, issues } = await collect(
        readContributions(chunked(file, 13), { fileType: 'csv' }),
      );
      expect(issues).toEqual([]);
      expect(values).toEqual(
        SAMPLE.map((c) => ({ ...c, status: c.status && { ...c.status, raw: expect.any(String) } })),
      );
    });

    it(`round-trips XLSX (${language})`, async () => {
      const { sink, bytes } = memorySink();
      await writeGenericXlsx(SAMPLE, sink, { language });
      const { values, issues } = await collect(
        readContributions(Readable.from([bytes()]), { fileType: 'xlsx' }),
      );
      expect(issues).toEqual([]);
      expect(values).toEqual(
        SAMPLE.map((c) => ({ ...c, status: c.status && { ...c.status, raw: expect.any(String) } })),
      );
    });
  }

  it('reads an XLSX saved by a spreadsheet (shared strings, real date cells, numbers)', async () => {
    const file = await xlsxOf([
      ['Kanal', 'Eingangsdatum', 'Mitzeichnende', 'Text', 'Kontakt erlaubt'],
      [],
      ['Workshop', new Date(Date.UTC(2024, 4, 17)), 4, 'Karte 1', 'x'],
      ['Workshop', 'gestern', 'drei', 'Karte 2', ''],
    ]);
    const { results } = await collect(readContributions(chunked(file, 4096), { fileType: 'xlsx' }));
    expect(results[0]).toMatchObject({
      line: 3,
      value: { receivedAt: '2024-05-17', cosignerCount: 4, text: 'Karte 1', contactConsent: true },
    });
    expect(results[1]!.line).toBe(4);
    expect(results[1]!.issues.map((i) => i.code).sort()).toEqual([
      'invalid_format',
      'invalid_type',
    ]);
  });
});

describe('format recognition', () => {
  it('takes a header with generic columns but no text as generic, missing "Text"', async () => {
    await expect(
      collect(readContributions(chunked('Kanal;Titel\nBrief;x\n'), { fileType: 'csv' })),
    ).rejects.toMatchObject({ issue: { code: 'missing_column', column: 'Text', line: 1 } });
  });

  it('refuses a header it does not know', async () => {
    await expect(
      collect(readContributions(chunked('\n\nfoo;bar\n1;2\n'), { fileType: 'csv' })),
    ).rejects.toMatchObject({ issue: { code: 'unknown_layout', line: 3 } });
  });

  it('refuses an empty file', async () => {
    await expect(
      collect(readContributions(chunked(`${BOM}\r\n;;\r\n`), { fileType: 'csv' })),
    ).rejects.toMatchObject({ issue: { code: 'empty_file' } });
  });

  it('stops at the row limit', async () => {
    const csv = 'Kanal;Text\n' + 'Brief;x\n'.repeat(4);
    await expect(
      collect(readContributions(chunked(csv), { fileType: 'csv', maxRows: 3 })),
    ).rejects.toMatchObject({ issue: { code: 'too_many_rows', limit: 3 } });
  });
});
