import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToJSON } from '../json/export.js';
import { getOverviewText } from '../overview.js';
import { addFormat, listFormats, moveFormat, removeFormat } from '../records/format.js';
import { addPhase, listPhases, movePhase, updatePhase } from '../records/phase.js';
import { addStakeholder, getStakeholder, listStakeholders } from '../records/stakeholder.js';
import { writePlainParagraphs } from '../richtext/plain.js';
import { setGuidelineNotApplicable } from '../records/guideline-marks.js';
import { setResponsibility } from '../records/responsibilities.js';
import { seedSamplePlan } from '../sample-plan.js';
import { restorePlanJSON } from './restore.js';

function changeEverything(doc: Y.Doc): void {
  const [kickoff, workshop] = listPhases(doc);
  updatePhase(doc, kickoff!.id, { title: 'Start' });
  movePhase(doc, workshop!.id, 0);
  const format = listFormats(doc)[0]!;
  moveFormat(doc, format.id, { phaseId: workshop!.id, index: 0 });
  removeFormat(doc, listFormats(doc)[1]!.id);
  addFormat(doc, { phaseId: kickoff!.id, title: 'Neu' });
  addPhase(doc, { title: 'Neue Phase' });
  addStakeholder(doc, { name: 'Presse' });
  writePlainParagraphs(getOverviewText(doc, 'goals'), ['Ganz anders.']);
  writePlainParagraphs(listStakeholders(doc)[0]!.notes, ['Andere Notiz.']);
  const [first, second] = listStakeholders(doc);
  setResponsibility(doc, { kind: 'phase', id: kickoff!.id }, first!.id, 'R');
  setResponsibility(doc, { kind: 'phase', id: workshop!.id }, second!.id, null);
  setResponsibility(doc, { kind: 'format', id: listFormats(doc)[0]!.id }, second!.id, 'I');
  setGuidelineNotApplicable(doc, 'evaluation', null);
  setGuidelineNotApplicable(doc, 'timeline', 'Termine stehen fest.');
}

/** The sample plan with responsibilities and a "not applicable" mark, as a version would be. */
function seedWithSchema5Parts(doc: Y.Doc): void {
  seedSamplePlan(doc);
  const [kickoff, workshop] = listPhases(doc);
  const [first, second] = listStakeholders(doc);
  setResponsibility(doc, { kind: 'phase', id: kickoff!.id }, first!.id, 'A');
  setResponsibility(doc, { kind: 'phase', id: workshop!.id }, second!.id, 'C');
  setResponsibility(doc, { kind: 'format', id: listFormats(doc)[0]!.id }, first!.id, 'R');
  setGuidelineNotApplicable(doc, 'evaluation', 'Wird von der Senatsverwaltung evaluiert.');
}

describe('restorePlanJSON', () => {
  it('makes the plan equal to the version again, as one update on top', () => {
    const doc = new Y.Doc();
    seedWithSchema5Parts(doc);
    const version = planToJSON(doc);
    const notesBefore = listStakeholders(doc)[0]!.notes;
    changeEverything(doc);
    expect(planToJSON(doc)).not.toEqual(version);

    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    restorePlanJSON(doc, version, 'restore');
    expect(transactions).toBe(1);
    expect(planToJSON(doc)).toEqual(version);
    // A kept record keeps its rich-text field (editors stay bound to it).
    expect(getStakeholder(doc, listStakeholders(doc)[0]!.id)!.notes).toBe(notesBefore);
  });

  it('converges on another replica that receives only the restore update', () => {
    const doc = new Y.Doc();
    seedWithSchema5Parts(doc);
    const version = planToJSON(doc);
    changeEverything(doc);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    restorePlanJSON(doc, version);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, before));
    expect(planToJSON(replica)).toEqual(version);
  });

  it('applies a meta override and writes nothing for invalid input', () => {
    const doc = new Y.Doc();
    seedSamplePlan(doc);
    const version = planToJSON(doc);
    restorePlanJSON(doc, version, null, { status: 'draft', title: 'Neu' });
    expect(planToJSON(doc).meta.title).toBe('Neu');
    const state = Y.encodeStateVector(doc);
    expect(() => restorePlanJSON(doc, { ...version, phases: 'x' })).toThrow();
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });
});
