// Writes docs/examples/beitraege.csv and beitraege.xlsx (German) and contributions.csv (English)
// with the package's own writers, from the built package:
//   pnpm --filter @prozesswerkstatt/participation-import build && node packages/participation-import/scripts/write-examples.mjs
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenericCsv, writeGenericXlsx } from '../dist/index.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/examples');
mkdirSync(out, { recursive: true });

const base = {
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
  labels: [],
  sourceUrl: null,
  status: null,
  response: null,
  reason: null,
  inReplyTo: null,
  metrics: {},
};

/** Invented examples: no real person, address or platform entry. */
export const EXAMPLES = [
  {
    ...base,
    channel: 'letter',
    sourceSystem: 'Posteingang Bezirksamt',
    sourceRef: 'BRIEF-2024-0007',
    receivedAt: '2024-03-05',
    authorKind: 'person',
    pseudonym: 'Anwohnerin Nordufer',
    authorName: 'Erika Beispiel',
    authorContact: 'Beispielweg 1\n10115 Berlin',
    contactConsent: true,
    cosignerCount: 14,
    subjectRef: 'Phase 2: Vor-Ort-Beteiligung',
    title: 'Beleuchtung am Uferweg',
    text: 'Der Uferweg ist abends völlig dunkel.\nWir bitten um Leuchten zwischen Brücke und Spielplatz; 14 Nachbarinnen und Nachbarn unterstützen das.',
    labels: ['Sicherheit', 'Beleuchtung'],
  },
  {
    ...base,
    channel: 'email',
    sourceSystem: 'Funktionspostfach',
    sourceRef: 'MAIL-2024-0112',
    receivedAt: '2024-03-07',
    authorKind: 'organisation',
    pseudonym: 'Verein Grünes Ufer e. V.',
    authorContact: 'info@example.org',
    contactConsent: true,
    subjectRef: 'Phase 2: Vor-Ort-Beteiligung',
    text: 'Bitte erhalten Sie die alten Pappeln; neue Bänke gern im Schatten.',
    labels: ['Grün', 'Sitzen'],
    status: { raw: 'teilweise übernommen', state: 'answered', decision: 'partly_adopted' },
    response: 'Die Pappeln bleiben erhalten; Bänke kommen an zwei der vorgeschlagenen Stellen.',
    reason: 'An der dritten Stelle liegt eine Leitung im Boden.',
  },
  {
    ...base,
    channel: 'workshop',
    sourceSystem: 'Workshop 12.03.2024',
    sourceRef: 'WS-12-K03',
    receivedAt: '2024-03-12',
    subjectRef: 'Workshop Ufergestaltung',
    text: 'Karte: Trinkbrunnen am Spielplatz',
    labels: ['Spielen'],
  },
  {
    ...base,
    channel: 'phone',
    sourceRef: 'TEL-2024-0031',
    receivedAt: '2024-03-14',
    authorKind: 'person',
    pseudonym: 'Anrufer 31',
    text: '=Fragt, ob der Radweg +2 m breiter wird (Formelzeichen bleiben Text).',
  },
  {
    ...base,
    channel: 'platform',
    sourceSystem: 'mein.berlin',
    sourceRef: '2024-00017',
    receivedAt: '2024-03-15',
    authorKind: 'person',
    pseudonym: 'radfahrerin_42',
    title: 'Radweg durchgehend',
    text: 'Den Radweg bis zur Brücke durchziehen, ohne Umweg über die Straße.',
    labels: ['Verkehr'],
    sourceUrl: 'https://mein.berlin.de/ideas/2024-00017/',
    status: { raw: 'übernommen', state: 'answered', decision: 'adopted' },
    response: 'Der Radweg wird durchgehend geplant.',
  },
];

await writeGenericCsv(EXAMPLES, createWriteStream(join(out, 'beitraege.csv')), { language: 'de' });
await writeGenericXlsx(EXAMPLES, createWriteStream(join(out, 'beitraege.xlsx')), {
  language: 'de',
});
await writeGenericCsv(EXAMPLES, createWriteStream(join(out, 'contributions.csv')), {
  language: 'en',
});
console.log(`examples written to ${out}`);
