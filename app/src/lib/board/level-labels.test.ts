import { readFileSync } from 'node:fs';
import { PARTICIPATION_LEVELS } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';

function catalog(language: string): Record<string, string> {
  const url = new URL(`../../../messages/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
}

/** Berlin's LLBB (2019) terms for the five levels; see `levelLabel` in labels.ts for the source. */
const BERLIN = {
  de: ['Information', 'Konsultation', 'Mitwirkung', 'Mitgestaltung', 'Mitentscheidung'],
  en: ['Information', 'Consultation', 'Involvement', 'Co-design', 'Co-decision'],
};

describe('participation level labels', () => {
  it.each(['de', 'en'] as const)('use Berlin’s terms in %s, in model order', (language) => {
    const messages = catalog(language);
    const labels = PARTICIPATION_LEVELS.map((level) => messages[`board_level_${level}`]);
    expect(labels).toEqual(BERLIN[language]);
  });

  it('never translate IAP2’s “empower” as “Ermächtigen”', () => {
    const german = Object.values(catalog('de')).join('\n');
    expect(german).not.toMatch(/ermächtig/i);
  });
});
