import { PassThrough } from 'node:stream';
import { readContributions, writeGenericCsv } from '@prozesswerkstatt/participation-import';
import type { ContributionListItem } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import { toExportRow } from './export-rows.js';

const ITEM: ContributionListItem = {
  id: 'c1',
  planId: 'plan',
  channel: 'letter',
  sourceSystem: 'Post',
  sourceRef: 'B-7',
  sourceUrl: null,
  sourceData: { labels: 'Schatten; Bänke', inReplyTo: null },
  receivedAt: '2026-01-05',
  authorKind: 'person',
  pseudonym: 'Anwohnerin 3',
  authorName: 'Erika Muster',
  authorContact: 'erika@example.org',
  contactConsent: true,
  cosignerCount: 2,
  cosigners: [],
  subjectId: 'p1',
  title: 'Schatten',
  text: 'Bitte mehr Bäume; und Bänke.',
  parentId: null,
  clusterId: null,
  receiptCode: 'ABCD1234',
  state: 'answered',
  assigneeUserId: null,
  assigneeDepartment: null,
  dueDate: null,
  version: 1,
  createdBy: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedBy: null,
  updatedAt: '2026-01-05T10:00:00.000Z',
  reply: {
    contributionId: 'c1',
    decision: 'partly_adopted',
    reason: 'Nicht überall Platz',
    response: 'Wir pflanzen zehn Bäume.',
    linkKind: null,
    linkId: null,
    measureId: null,
    duplicateOfId: null,
    clusterId: null,
    version: 1,
    updatedBy: 'u',
    updatedAt: '2026-01-06T10:00:00.000Z',
  },
  themes: [],
};
const TITLES = new Map([['p1', 'Auftakt']]);

describe('toExportRow', () => {
  it('keeps names and contacts for editors, drops them for commenters and viewers', () => {
    expect(toExportRow(ITEM, TITLES, 'editor')).toMatchObject({
      authorName: 'Erika Muster',
      authorContact: 'erika@example.org',
      contactConsent: true,
    });
    for (const role of ['viewer', 'commenter'] as const) {
      expect(toExportRow(ITEM, TITLES, role)).toMatchObject({
        authorName: null,
        authorContact: null,
        contactConsent: false,
        pseudonym: 'Anwohnerin 3',
      });
    }
  });

  it('writes a generic CSV the import reads back to the same contribution', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeGenericCsv([toExportRow(ITEM, TITLES, 'facilitator')], out);
    const rows = [];
    for await (const row of readContributions(chunks, { fileType: 'csv' })) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.issues).toEqual([]);
    expect(rows[0]!.value).toMatchObject({
      channel: 'letter',
      sourceSystem: 'Post',
      sourceRef: 'B-7',
      receivedAt: '2026-01-05',
      authorName: 'Erika Muster',
      subjectRef: 'Auftakt',
      text: 'Bitte mehr Bäume; und Bänke.',
      labels: ['Schatten', 'Bänke'],
      status: expect.objectContaining({ decision: 'partly_adopted' }),
      reason: 'Nicht überall Platz',
      response: 'Wir pflanzen zehn Bäume.',
    });
  });
});
