/**
 * The importer's rows fit storage: every contribution of the example files and of each platform
 * format, mapped with `toStorageRow`, passes storage's `newContributionSchema` (the insert's own
 * validation), the row type is assignable to `NewContribution`, and the limits are the same.
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CONTRIBUTION_LIMITS as IMPORT_LIMITS,
  readContributions,
  toStorageRow,
  type ImportedContribution,
  type StorageContributionRow,
} from '@prozesswerkstatt/participation-import';
import {
  CONTRIBUTION_LIMITS,
  newContributionSchema,
  type NewContribution,
} from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';

const examples = fileURLToPath(new URL('../../docs/examples/', import.meta.url));

async function read(path: string, fileType: 'csv' | 'xlsx'): Promise<ImportedContribution[]> {
  const out: ImportedContribution[] = [];
  for await (const row of readContributions(createReadStream(path), { fileType })) {
    if (row.value) out.push(row.value);
  }
  return out;
}

describe('participation-import rows and storage', () => {
  it('share the limits (the vocabularies are one list each, in the contract)', () => {
    expect(IMPORT_LIMITS).toMatchObject({
      text: CONTRIBUTION_LIMITS.text,
      title: CONTRIBUTION_LIMITS.title,
      pseudonym: CONTRIBUTION_LIMITS.pseudonym,
      authorName: CONTRIBUTION_LIMITS.authorName,
      sourceSystem: CONTRIBUTION_LIMITS.sourceSystem,
      line: CONTRIBUTION_LIMITS.sourceRef,
      contact: CONTRIBUTION_LIMITS.authorContact,
      url: CONTRIBUTION_LIMITS.sourceUrl,
      response: CONTRIBUTION_LIMITS.response,
    });
  });

  it('maps the example files to rows storage accepts', async () => {
    for (const [file, type] of [
      ['beitraege.csv', 'csv'],
      ['beitraege.xlsx', 'xlsx'],
      ['contributions.csv', 'csv'],
    ] as const) {
      const contributions = await read(`${examples}${file}`, type);
      expect(contributions).toHaveLength(5);
      for (const contribution of contributions) {
        const row: StorageContributionRow = toStorageRow(contribution, {
          subjectId: null,
          receivedAtFallback: '2024-04-01',
          sourceSystemFallback: 'generic',
        });
        // Compile-time: the row is a NewContribution.
        const typed: NewContribution = row;
        const parsed = newContributionSchema.safeParse(typed);
        expect(parsed.success, `${file}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it('keeps what has no column in sourceData and the platform answer as the reply', async () => {
    const [, mail, workshop] = await read(`${examples}beitraege.csv`, 'csv');
    const row = toStorageRow(mail!, {
      subjectId: 'phase-2',
      receivedAtFallback: '2024-04-01',
      sourceSystemFallback: 'generic',
    });
    expect(row).toMatchObject({
      sourceSystem: 'Funktionspostfach',
      sourceRef: 'MAIL-2024-0112',
      subjectId: 'phase-2',
      sourceData: {
        labels: 'Grün; Sitzen',
        status: 'teilweise übernommen',
        statusState: 'answered',
      },
      reply: {
        decision: 'partly_adopted',
        reason: expect.any(String),
        response: expect.any(String),
      },
    });
    const unresolved = toStorageRow(workshop!, {
      subjectId: null,
      receivedAtFallback: '2024-04-01',
      sourceSystemFallback: 'generic',
    });
    expect(unresolved.sourceData).toMatchObject({ subjectRef: 'Workshop Ufergestaltung' });
    expect(unresolved.reply).toBeUndefined();
  });
});
