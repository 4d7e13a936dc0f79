import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFormat, listFormats, updateFormat } from './records/format.js';
import { initPlan } from './records/meta.js';
import { addPhase } from './records/phase.js';
import { addStakeholder, listStakeholders, removeStakeholder } from './records/stakeholder.js';
import {
  GRID_QUADRANTS,
  GRID_RATINGS,
  gridQuadrant,
  isHighRating,
  stakeholderReach,
  stepRating,
  unreachedStakeholders,
  type GridQuadrant,
} from './stakeholder-grid.js';

describe('gridQuadrant', () => {
  it('names the four corners', () => {
    expect(gridQuadrant({ power: 5, interest: 5 })).toBe('manage_closely');
    expect(gridQuadrant({ power: 5, interest: 1 })).toBe('keep_satisfied');
    expect(gridQuadrant({ power: 1, interest: 5 })).toBe('keep_informed');
    expect(gridQuadrant({ power: 1, interest: 1 })).toBe('monitor');
  });

  it('counts the middle value 3 as high on both axes', () => {
    expect(isHighRating(2)).toBe(false);
    expect(isHighRating(3)).toBe(true);
    expect(gridQuadrant({ power: 3, interest: 3 })).toBe('manage_closely');
    expect(gridQuadrant({ power: 3, interest: 2 })).toBe('keep_satisfied');
    expect(gridQuadrant({ power: 2, interest: 3 })).toBe('keep_informed');
    expect(gridQuadrant({ power: 2, interest: 2 })).toBe('monitor');
  });

  it('splits the 25 cells 9 / 6 / 6 / 4, with borders between 2 and 3', () => {
    const counts = new Map<GridQuadrant, number>();
    for (const power of GRID_RATINGS) {
      for (const interest of GRID_RATINGS) {
        const quadrant = gridQuadrant({ power, interest });
        counts.set(quadrant, (counts.get(quadrant) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(counts)).toEqual({
      manage_closely: 9,
      keep_satisfied: 6,
      keep_informed: 6,
      monitor: 4,
    });
    expect(new Set(counts.keys())).toEqual(new Set(GRID_QUADRANTS));
  });
});

describe('stepRating', () => {
  it('moves by one and stops at 1 and 5', () => {
    expect(stepRating(3, 1)).toBe(4);
    expect(stepRating(3, -1)).toBe(2);
    expect(stepRating(5, 1)).toBe(5);
    expect(stepRating(1, -1)).toBe(1);
  });
});

describe('stakeholderReach', () => {
  const s = (id: string) => ({ id });
  const f = (id: string, targets: string[]) => ({ id, targetStakeholderIds: targets });

  it('lists the formats reaching each stakeholder in format order and flags the unreached', () => {
    const stakeholders = [s('a'), s('b'), s('c')];
    const formats = [f('f1', ['b', 'a']), f('f2', []), f('f3', ['b'])];
    const reach = stakeholderReach(stakeholders, formats);
    expect(reach.map((r) => [r.stakeholder.id, r.formats.map((x) => x.id), r.reached])).toEqual([
      ['a', ['f1'], true],
      ['b', ['f1', 'f3'], true],
      ['c', [], false],
    ]);
    expect(unreachedStakeholders(stakeholders, formats).map((x) => x.id)).toEqual(['c']);
  });

  it('counts a doubled target once and ignores targets of unknown stakeholders', () => {
    const reach = stakeholderReach([s('a')], [f('f1', ['a', 'a', 'ghost'])]);
    expect(reach).toEqual([
      { stakeholder: s('a'), formats: [f('f1', ['a', 'a', 'ghost'])], reached: true },
    ]);
  });

  it('flags everyone when there are no formats, and nobody when there are no stakeholders', () => {
    expect(unreachedStakeholders([s('a'), s('b')], []).map((x) => x.id)).toEqual(['a', 'b']);
    expect(stakeholderReach([], [f('f1', ['a'])])).toEqual([]);
  });

  it('works on a plan document: a target added or removed changes the reach', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Reichweite' });
    const verein = addStakeholder(doc, { name: 'Bürgerverein' });
    const senat = addStakeholder(doc, { name: 'Senat' });
    const phase = addPhase(doc, { title: 'Auftakt' });
    const format = addFormat(doc, { phaseId: phase, title: 'Werkstatt' });
    const unreached = () =>
      unreachedStakeholders(listStakeholders(doc), listFormats(doc)).map((x) => x.name);
    expect(unreached()).toEqual(['Bürgerverein', 'Senat']);
    updateFormat(doc, format, { targetStakeholderIds: [verein] });
    expect(unreached()).toEqual(['Senat']);
    removeStakeholder(doc, verein);
    expect(unreached()).toEqual(['Senat']);
    updateFormat(doc, format, { targetStakeholderIds: [senat] });
    expect(unreached()).toEqual([]);
  });
});
