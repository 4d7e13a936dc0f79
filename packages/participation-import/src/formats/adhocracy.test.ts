import { describe, expect, it } from 'vitest';
import { readContributions } from '../read-contributions.js';
import { chunked, collect, xlsxOf } from '../testing/collect.js';
import { adhocracyStatus } from './adhocracy.js';

// Column order of mein.berlin's IdeaExportView (reference number, link, contact, model fields,
// ratings, category, labels, comment count, moderator feedback, remark, creator/created).
const GERMAN_HEADER = [
  'Referenznr.',
  'Link',
  'Titel',
  'Beschreibung',
  'Positive Bewertungen',
  'Negative Bewertungen',
  'Kategorie',
  'Merkmale',
  'Anzahl Kommentare',
  'Status',
  'Rückmeldung',
  'Notiz',
  'Urheber',
  'Erstellt',
];

const ENGLISH_HEADER = [
  'Reference No.',
  'Link',
  'Title',
  'Description',
  'Positive ratings',
  'Negative ratings',
  'Category',
  'Labels',
  'Comment count',
  'Status',
  'Feedback',
  'Remark',
  'Creator',
  'Created',
];

describe('mein.berlin / adhocracy+ ideas export', () => {
  it('reads the German export with statuses, HTML descriptions and counts', async () => {
    const file = await xlsxOf([
      GERMAN_HEADER,
      [
        '2024-00017',
        'https://mein.berlin.de/ideas/2024-00017/',
        'Mehr Bänke',
        '<p>Am Ufer fehlen Bänke.</p><p>Bitte &amp; schnell!</p>',
        12,
        3,
        'Grünflächen',
        'Sitzen, Ufer',
        4,
        'wird umgesetzt',
        '<p>Wir stellen 5 Bänke auf.</p>',
        'intern: Bezirk fragen',
        'anwohnerin42',
        '2024-03-05T14:12:00.123456+01:00',
      ],
      ['2024-00018', '', 'Leer', '', 0, 0, '', '', 0, '', '', '', 'x', '2024-03-06T09:00:00+01:00'],
      [
        '2024-00019',
        '',
        'Fehler',
        'Text',
        'viele',
        0,
        '',
        '',
        0,
        'nicht umgesetzt',
        '',
        '',
        '',
        'gestern',
      ],
      [
        '2024-00020',
        '',
        'Neu',
        'Noch offen',
        0,
        0,
        '',
        '',
        0,
        'Eigener Status',
        '',
        '',
        'y',
        '2024-03-07T08:00:00+01:00',
      ],
    ]);
    const { results, values } = await collect(
      readContributions(chunked(file, 1024), {
        fileType: 'xlsx',
        defaults: { subjectRef: 'phase-1' },
      }),
    );
    expect(values[0]).toEqual({
      channel: 'platform',
      sourceSystem: 'mein.berlin',
      sourceRef: '2024-00017',
      receivedAt: '2024-03-05',
      authorKind: 'person',
      pseudonym: 'anwohnerin42',
      authorName: null,
      authorContact: null,
      contactConsent: false,
      cosignerCount: 0,
      subjectRef: 'phase-1',
      title: 'Mehr Bänke',
      text: 'Am Ufer fehlen Bänke.\nBitte & schnell!',
      labels: ['Grünflächen', 'Sitzen', 'Ufer'],
      sourceUrl: 'https://mein.berlin.de/ideas/2024-00017/',
      status: { raw: 'wird umgesetzt', state: 'answered', decision: 'adopted' },
      response: 'Wir stellen 5 Bänke auf.',
      reason: null,
      inReplyTo: null,
      metrics: { supports: 12, opposes: 3, comments: 4 },
    });
    // Empty description: the row is refused with its line.
    expect(results[1]).toMatchObject({
      line: 3,
      value: null,
      issues: [{ code: 'missing', field: 'text', column: 'Beschreibung' }],
    });
    // Wrong types: a count that is a word, a date that is not one.
    expect(results[2]!.line).toBe(4);
    expect(results[2]!.issues.map((i) => [i.code, i.column]).sort()).toEqual([
      ['invalid_format', 'Erstellt'],
      ['invalid_type', 'Positive Bewertungen'],
    ]);
    // An unknown status is kept as a warning, the row is imported.
    expect(results[3]).toMatchObject({
      line: 5,
      value: { status: { raw: 'Eigener Status', state: null, decision: null } },
      issues: [{ code: 'unknown_status', severity: 'warning', value: 'Eigener Status' }],
    });
  });

  it('reads the English export', async () => {
    const file = await xlsxOf([
      ENGLISH_HEADER,
      [
        '2023-00001',
        'https://adhocracy.plus/org/ideas/2023-00001/',
        'Bike lanes',
        'Protected bike lanes',
        1,
        0,
        'Traffic',
        '',
        0,
        'Under consideration',
        '',
        '',
        'cyclist',
        '2023-11-30T23:30:00+00:00',
      ],
    ]);
    const { values, issues } = await collect(
      readContributions(chunked(file, 512), {
        fileType: 'xlsx',
        defaults: { sourceSystem: 'adhocracy+' },
      }),
    );
    expect(issues).toEqual([]);
    expect(values).toMatchObject([
      {
        sourceSystem: 'adhocracy+',
        sourceRef: '2023-00001',
        receivedAt: '2023-12-01',
        status: { state: 'in_review', decision: null },
        labels: ['Traffic'],
      },
    ]);
  });

  it('maps every moderator status, by key and by German and English text', () => {
    const cases: [string, string | null, string | null][] = [
      ['CONSIDERATION', 'in_review', null],
      ['Under consideration', 'in_review', null],
      ['wird geprüft', 'in_review', null],
      ['QUALIFIED', 'in_review', null],
      ['Qualified for next phase', 'in_review', null],
      ['ACCEPTED', 'answered', 'adopted'],
      ['Accepted', 'answered', 'adopted'],
      ['wird umgesetzt', 'answered', 'adopted'],
      ['REJECTED', 'answered', 'not_adopted'],
      ['Rejected', 'answered', 'not_adopted'],
      ['nicht umgesetzt', 'answered', 'not_adopted'],
      ['CHECKED', 'answered', 'noted'],
      ['Sonderstatus', null, null],
    ];
    for (const [raw, state, decision] of cases) {
      expect(adhocracyStatus(raw), raw).toEqual({ raw, state, decision });
    }
    expect(adhocracyStatus('  ')).toBeNull();
  });

  it('needs the reference number column', async () => {
    const file = await xlsxOf([
      ['Beschreibung', 'Titel'],
      ['x', 'y'],
    ]);
    await expect(
      collect(readContributions(chunked(file, 512), { fileType: 'xlsx', format: 'adhocracy' })),
    ).rejects.toMatchObject({ issue: { code: 'missing_column', line: 1 } });
  });
});
