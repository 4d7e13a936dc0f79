import { checkGuidelines } from '@prozesswerkstatt/guideline-check';
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import { outlineToMarkdown } from '../markdown.js';
import { LABELS, samplePlan } from '../test-fixtures.js';
import { guidelineSection } from './guideline-section.js';
import type { OutlineBlock } from './outline.js';

function table(plan: PlanJSON): Extract<OutlineBlock, { kind: 'table' }> {
  const block = guidelineSection(plan, LABELS).content[1];
  if (block?.kind !== 'table') throw new Error('no table');
  return block;
}

describe('guidelineSection', () => {
  const plan = samplePlan();

  it('says how many items are fulfilled, leaving the not applicable ones out of the count', () => {
    const section = guidelineSection(plan, LABELS);
    expect(section).toMatchObject({
      kind: 'guideline-check',
      level: 2,
      heading: 'Leitlinien-Check',
    });
    // The sample plan: goals, named stakeholders, and a format in its one participation phase.
    expect(section.content[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '3 von 10 erfüllt, 1 nicht zutreffend', bold: false, italic: false }],
    });
  });

  it('has one row per item: name, status, and what is missing or why it does not apply', () => {
    const { header, rows, rowHeaders } = table(plan);
    expect(header).toEqual(['Punkt', 'Stand', 'Hinweis']);
    expect(rowHeaders).toBe(true);
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual(['Ziele', 'erfüllt', '—']);
    expect(rows[1]).toEqual([
      'Gestaltungsspielraum',
      'unvollständig',
      '„Gestaltungsspielraum“ ist leer.\n„Rahmenbedingungen“ ist leer.',
    ]);
    expect(rows.at(-1)).toEqual([
      'evaluation',
      'nicht zutreffend',
      'Kleines Vorhaben | keine Evaluation',
    ]);
    // The second phase (a decision phase) has no dates: named in the timeline row.
    expect(rows[5]![2]).toContain('phase-without-dates: Auswertung');
  });

  it('follows the plan: a filled field turns its row complete', () => {
    const filled = structuredClone(plan);
    filled.overview.scopeOfInfluence = {
      attrs: {},
      delta: [{ insert: 'Gestaltung der Spielgeräte' }],
    };
    filled.overview.constraints = { attrs: {}, delta: [{ insert: 'Budget fest' }] };
    expect(table(filled).rows[1]).toEqual(['Gestaltungsspielraum', 'erfüllt', '—']);
  });

  it("shows a version's stored check as it is, not the plan's check today", () => {
    // Stored when the scope item was (say, by older rules) complete although the fields are empty.
    const stored = checkGuidelines(plan);
    stored.items[1] = { id: 'scope', target: stored.items[1]!.target, status: 'complete' };
    stored.complete += 1;
    const section = guidelineSection(plan, LABELS, { check: stored, recomputed: false });
    expect(section.content[0]).toMatchObject({
      runs: [{ text: '4 von 10 erfüllt, 1 nicht zutreffend' }],
    });
    expect(section.content[1]).toMatchObject({ kind: 'table' });
    expect(outlineToMarkdown([section])).toContain('| Gestaltungsspielraum | erfüllt | — |');
  });

  it("says so when an old version was checked now, with today's rules", () => {
    const section = guidelineSection(plan, LABELS, {
      check: checkGuidelines(plan),
      recomputed: true,
    });
    expect(section.content[1]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'Nachträglich mit den heutigen Regeln geprüft.', bold: false, italic: false }],
    });
    expect(section.content[2]).toMatchObject({ kind: 'table' });
  });

  it('reaches Markdown as a table, user text escaped', () => {
    const md = outlineToMarkdown([guidelineSection(plan, LABELS)]);
    expect(md).toContain('## Leitlinien-Check');
    expect(md).toContain('| Punkt | Stand | Hinweis |');
    expect(md).toContain('Kleines Vorhaben \\| keine Evaluation');
  });
});
