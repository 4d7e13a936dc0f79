import { describe, expect, it } from 'vitest';
import type { OutlineBlock, Section } from '../outline/outline.js';
import { REPORT_INPUT, REPORT_LABELS } from './report-fixtures.js';
import {
  editionFacts,
  excerpt,
  representativeQuotes,
  resultsReportOutline,
} from './report-outline.js';
import { weighingTable, weighingTableOutline } from './weighing-outline.js';

/** Every section of an outline, depth first, as `level heading`. */
function headings(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [
    `${s.level} ${s.heading}`,
    ...headings(s.content.flatMap((b: OutlineBlock) => (b.kind === 'section' ? [b.section] : []))),
  ]);
}

function find(sections: readonly Section[], key: string): Section {
  for (const s of sections) {
    if (s.key === key) return s;
    const inner = s.content.flatMap((b) => (b.kind === 'section' ? [b.section] : []));
    const hit = inner.length > 0 ? findOrNull(inner, key) : null;
    if (hit) return hit;
  }
  throw new Error(`no section ${key}`);
}
function findOrNull(sections: readonly Section[], key: string): Section | null {
  try {
    return find(sections, key);
  } catch {
    return null;
  }
}

describe('results report outline', () => {
  const outline = resultsReportOutline(REPORT_INPUT, REPORT_LABELS);

  it('has the parts in order, themes as a tree, decisions on the fixed scale', () => {
    expect(headings(outline)).toEqual([
      '1 Ergebnisbericht: Spielplatz Nord',
      '2 Überblick',
      '2 Themen',
      '3 Grün',
      '3 Grün › Sitzplätze',
      '2 Entscheidungen',
      '3 Berücksichtigt (1)',
      '3 Nicht berücksichtigt (1)',
      '3 Doppelt (1)',
      '2 Was sich im Plan geändert hat',
      '3 Phase „Bau“',
      '2 Umsetzung',
      '3 Linden pflanzen',
    ]);
  });

  it('lists every decision with its reason, a duplicate naming its original', () => {
    const tables = (key: string) =>
      find(outline, key).content.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables('results-decision-not-adopted')[0]?.rows).toEqual([
      ['2', 'Mehr Bänke am Rand.', 'Der Platz reicht nicht.', '—'],
    ]);
    expect(tables('results-decision-duplicate-of')[0]?.rows).toEqual([
      ['3', 'Bäume!', 'Doppelt zu Nr. 1\nSiehe Nr. 1.', '—'],
    ]);
    expect(tables('results-change-1')[0]?.rows).toEqual([['1', 'Berücksichtigt', '—']]);
    expect(tables('results-summary')[0]?.rows).toEqual([
      ['Berücksichtigt', '1'],
      ['Nicht berücksichtigt', '1'],
      ['Doppelt', '1'],
      ['Noch offen', '1'],
    ]);
  });

  it('quotes a theme by co-signers, then by number, and shows no pseudonym anywhere', () => {
    const green = find(outline, 'results-theme-1');
    expect(green.content[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '3 Beiträge', bold: false, italic: false }],
    });
    expect(green.content[2]).toEqual({
      kind: 'text',
      blocks: [
        'Bitte Bäume pflanzen, im Sommer ist es zu heiß.',
        'Mehr Bänke am Rand.',
        'Bäume!',
      ].map((text) => ({ kind: 'quote', runs: [{ text, bold: false, italic: false }] })),
    });
    expect(JSON.stringify(outline)).not.toContain('Beitrag-');
  });

  it('shows a measure with its facts, milestones and the contributions behind it', () => {
    const measure = find(outline, 'results-measure-1');
    expect(measure.content[0]).toEqual({
      kind: 'facts',
      facts: [
        { label: 'Stand', value: 'In Umsetzung' },
        { label: 'Fortschritt', value: '40 %' },
        { label: 'Beginn', value: '01.04.2026' },
        { label: 'Ende', value: '—' },
        { label: 'Beiträge dahinter', value: '1, 3' },
      ],
    });
    expect(JSON.stringify(measure.content)).toContain('Pflanzung (bis 15.10.2026)');
    expect(JSON.stringify(measure.content)).toContain('Ausschreibung (erledigt)');
  });

  it('says "none" in each part of an empty report', () => {
    const empty = resultsReportOutline(
      { ...REPORT_INPUT, contributions: [], themes: [], measures: [] },
      REPORT_LABELS,
    );
    const placeholders = empty
      .flatMap((s) => s.content)
      .filter((b) => b.kind === 'paragraph' && b.placeholder);
    expect(placeholders).toHaveLength(5);
  });
});

describe('weighing table', () => {
  it('has the pseudonym only in the internal edition', () => {
    const internal = weighingTable(REPORT_INPUT, REPORT_LABELS, 'internal');
    const open = weighingTable(REPORT_INPUT, REPORT_LABELS, 'public');
    expect(internal.header).toEqual([
      'Nr.',
      'Pseudonym',
      'Eingang',
      'Bezug',
      'Stellungnahme',
      'Antwort',
      'Entscheidung',
      'Begründung',
    ]);
    expect(internal.rows[0]).toEqual([
      '1',
      'Beitrag-A1',
      '02.03.2026, Brief',
      '—',
      'Schatten\nBitte Bäume pflanzen, im Sommer ist es zu heiß.',
      'Wir pflanzen vier Linden.',
      'Berücksichtigt',
      '—',
    ]);
    expect(internal.rows[3]?.[6]).toBe('Noch offen');
    expect(open.header).not.toContain('Pseudonym');
    expect(JSON.stringify(weighingTableOutline(REPORT_INPUT, REPORT_LABELS, 'public'))).not.toMatch(
      /Beitrag-[A-D]/,
    );
  });
});

describe('edition facts', () => {
  it('names the release date, and says when answers changed since', () => {
    const value = (input: typeof REPORT_INPUT) =>
      editionFacts(input, REPORT_LABELS).find((f) => f.label === 'Freigegeben')?.value;
    expect(value(REPORT_INPUT)).toBe('noch nicht');
    const released = { ...REPORT_INPUT, releasedAt: '2026-04-02T09:00:00.000Z' };
    expect(value(released)).toBe('am 2026-04-02');
    expect(value({ ...released, changedSinceRelease: true })).toBe(
      'am 2026-04-02 (seither geändert)',
    );
  });
});

describe('quotes and excerpts', () => {
  it('cuts at a word boundary and prefers co-signed contributions', () => {
    expect(excerpt('eins zwei drei vier', 12)).toBe('eins zwei…');
    expect(excerpt('  kurz \n text ')).toBe('kurz text');
    const quotes = representativeQuotes(
      [
        { ...REPORT_INPUT.contributions[1]!, number: 1, cosignerCount: 0, text: 'a' },
        { ...REPORT_INPUT.contributions[1]!, number: 2, cosignerCount: 5, text: 'b' },
        { ...REPORT_INPUT.contributions[1]!, number: 3, cosignerCount: 0, text: ' ' },
      ],
      2,
    );
    expect(quotes).toEqual(['b', 'a']);
  });
});
