import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanValidationError } from '../errors.js';
import { planToJSON } from '../json/export.js';
import { parsePlanJSON, planFromJSON } from '../json/import.js';
import { addFormat, getFormat } from './format.js';
import { getGuidelineNotApplicable, setGuidelineNotApplicable } from './guideline-marks.js';
import { initPlan } from './meta.js';
import { addPhase, getPhase, updatePhase } from './phase.js';
import { setResponsibility } from './responsibilities.js';
import { addStakeholder, removeStakeholder } from './stakeholder.js';

function plan() {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Strategie' });
  const phase = addPhase(doc, { title: 'Beteiligung', kind: 'participation' });
  const format = addFormat(doc, { phaseId: phase, title: 'Werkstatt', methodId: 'world-cafe' });
  const unit = addStakeholder(doc, { name: 'Fachabteilung' });
  const office = addStakeholder(doc, { name: 'Anlaufstelle' });
  return { doc, phase, format, unit, office };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
}

describe('responsibilities', () => {
  it('keeps both letters when two people fill different cells of one row at once', () => {
    const { doc, phase, unit, office } = plan();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setResponsibility(doc, { kind: 'phase', id: phase }, unit, 'A');
    setResponsibility(other, { kind: 'phase', id: phase }, office, 'R');
    sync(doc, other);
    expect(getPhase(doc, phase)!.responsibilities).toEqual({ [unit]: 'A', [office]: 'R' });
    expect(getPhase(other, phase)!.responsibilities).toEqual({ [unit]: 'A', [office]: 'R' });
  });

  it('clears a cell, and drops a removed stakeholder from every row', () => {
    const { doc, phase, format, unit, office } = plan();
    setResponsibility(doc, { kind: 'phase', id: phase }, unit, 'A');
    setResponsibility(doc, { kind: 'format', id: format }, unit, 'C');
    setResponsibility(doc, { kind: 'format', id: format }, office, 'I');
    setResponsibility(doc, { kind: 'format', id: format }, office, null);
    expect(getFormat(doc, format)!.responsibilities).toEqual({ [unit]: 'C' });
    removeStakeholder(doc, unit);
    expect(getPhase(doc, phase)!.responsibilities).toEqual({});
    expect(getFormat(doc, format)!.responsibilities).toEqual({});
  });

  it('refuses unknown stakeholders and letters, and answers false for a removed row', () => {
    const { doc, phase, unit } = plan();
    expect(() => setResponsibility(doc, { kind: 'phase', id: phase }, 'ghost', 'R')).toThrow(
      PlanValidationError,
    );
    expect(() =>
      setResponsibility(doc, { kind: 'phase', id: phase }, unit, 'X' as unknown as 'R'),
    ).toThrow(PlanValidationError);
    expect(setResponsibility(doc, { kind: 'format', id: 'gone' }, unit, 'R')).toBe(false);
  });

  it('survives a JSON round trip with kind, resources, method and marks', () => {
    const { doc, phase, format, unit } = plan();
    updatePhase(doc, phase, { kind: 'decision', staffDays: 2.5, budgetEuros: 1200, rooms: 1 });
    setResponsibility(doc, { kind: 'format', id: format }, unit, 'R');
    setGuidelineNotApplicable(doc, 'evaluation', '  Pilot ohne Auswertung  ');
    const json = planToJSON(doc);
    expect(json.guidelineNotApplicable).toEqual({ evaluation: 'Pilot ohne Auswertung' });
    const copy = new Y.Doc();
    planFromJSON(copy, json);
    expect(planToJSON(copy)).toEqual(json);
    expect(getPhase(copy, phase)).toMatchObject({ kind: 'decision', staffDays: 2.5, rooms: 1 });
    expect(getFormat(copy, format)).toMatchObject({ methodId: 'world-cafe' });
  });

  it('reports letters for a stakeholder the file does not have', () => {
    const { doc, phase } = plan();
    const json = planToJSON(doc);
    json.phases[0]!.responsibilities = { ghost: 'A' };
    expect(() => parsePlanJSON(json)).toThrow(/no stakeholder with id ghost/);
    expect(phase).toBeTruthy();
  });
});

describe('guideline marks', () => {
  it('sets and takes away a reason, and refuses an empty one', () => {
    const { doc } = plan();
    setGuidelineNotApplicable(doc, 'budget', 'Keine Kosten');
    expect(getGuidelineNotApplicable(doc)).toEqual({ budget: 'Keine Kosten' });
    expect(() => setGuidelineNotApplicable(doc, 'budget', '   ')).toThrow(PlanValidationError);
    expect(() => setGuidelineNotApplicable(doc, 'no id!', 'x')).toThrow(PlanValidationError);
    setGuidelineNotApplicable(doc, 'budget', null);
    expect(getGuidelineNotApplicable(doc)).toEqual({});
  });

  it('refuses negative and absurd resources', () => {
    const { doc, phase } = plan();
    expect(() => updatePhase(doc, phase, { budgetEuros: -1 })).toThrow(PlanValidationError);
    expect(() => updatePhase(doc, phase, { rooms: 1.5 })).toThrow(PlanValidationError);
    expect(updatePhase(doc, phase, { budgetEuros: null })).toBe(true);
  });
});
