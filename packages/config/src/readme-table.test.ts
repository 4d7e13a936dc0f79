import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownVariables } from './index.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The variables named in the first column of the README's configuration table. */
function variablesOfReadmeTable(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Configuration'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  // The header and the |---| line go.
  const names = rows.slice(2).flatMap((row) => {
    const firstCell = row.split('|')[1] ?? '';
    return [...firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]!);
  });
  return names.sort();
}

describe("the README's configuration table", () => {
  it('lists exactly the variables the processes’ schemas know, each once', () => {
    const listed = variablesOfReadmeTable(README);
    const known = knownVariables();
    expect({
      missingFromReadme: known.filter((name) => !listed.includes(name)),
      unknownToSchemas: listed.filter((name) => !known.includes(name)),
      listedTwice: listed.filter((name, index) => listed.indexOf(name) !== index),
    }).toEqual({ missingFromReadme: [], unknownToSchemas: [], listedTwice: [] });
  });

  it('is read from the table itself: a row added or dropped there is noticed', () => {
    const table = README.replace(/^\| `LOG_LEVEL` .*\n/m, '');
    expect(variablesOfReadmeTable(table)).not.toContain('LOG_LEVEL');
    expect(variablesOfReadmeTable(README)).toContain('LOG_LEVEL');
  });
});
