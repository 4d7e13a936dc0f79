import { readContributions, type ImportIssue } from '@prozesswerkstatt/participation-import';
import { describe, expect, it } from 'vitest';
import { describeContributionIssues, type ContributionImportWords } from './contribution-issues.js';

/** German words as the catalog has them (only what these tests need). */
const words: ContributionImportWords = {
  line: (line) => `Zeile ${line}`,
  file: 'Datei',
  field: (key) =>
    ({ text: 'Text', receivedAt: 'Eingangsdatum', sourceRef: 'Quellreferenz' })[key] ?? key,
  theEntry: 'Der Eintrag',
  problem: (code, field, issue) =>
    ({
      missing: `${field} fehlt`,
      invalid_format: `${field} hat ein ungültiges Format (z. B. Datum)`,
      duplicate_in_file: `${field} kommt schon in Zeile ${issue.firstLine} vor`,
      missing_column: `Die Spalte „${issue.column}“ fehlt`,
    })[code as string] ?? `${code}: ${field}`,
  issue: (place, problem) => `${place}: ${problem}`,
};

async function issuesOf(csv: string): Promise<ImportIssue[]> {
  const issues: ImportIssue[] = [];
  try {
    for await (const row of readContributions([csv], { fileType: 'csv' }))
      issues.push(...row.issues);
  } catch (error) {
    issues.push((error as { issue: ImportIssue }).issue);
  }
  return issues;
}

describe('contribution import issues in words', () => {
  it('names the line and the column as the file has it', async () => {
    const issues = await issuesOf(
      'Kanal;Quellreferenz;Eingangsdatum;Text\nBrief;A;05.03.2024;Gut\nBrief;B;31.02.2024;Datum falsch\nBrief;A;;Doppelt\nBrief;C;;\n',
    );
    expect(describeContributionIssues(issues, words)).toEqual([
      'Zeile 3: Eingangsdatum hat ein ungültiges Format (z. B. Datum)',
      'Zeile 4: Quellreferenz kommt schon in Zeile 2 vor',
      'Zeile 5: Text fehlt',
    ]);
  });

  it('words a file-level problem without a line', async () => {
    const issues = await issuesOf('Kanal;Titel\nBrief;Nur Titel\n');
    expect(issues).toHaveLength(1);
    expect(describeContributionIssues([{ ...issues[0]!, line: null }], words)).toEqual([
      'Datei: Die Spalte „Text“ fehlt',
    ]);
  });
});
