import {
  addPhase,
  addStakeholder,
  getOverviewText,
  initPlan,
  planToJSON,
  removeStakeholder,
  setGuidelineNotApplicable,
  updateMeta,
  updateStakeholder,
  writePlainParagraphs,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { summarizeRestore } from './restore-preview.js';

describe('summarizeRestore', () => {
  it('counts per part what replacing the current plan by the version changes', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Park' });
    const kept = addStakeholder(doc, { name: 'Anwohnende', power: 3 });
    const removed = addStakeholder(doc, { name: 'Später entfernt' });
    const version = planToJSON(doc);

    updateStakeholder(doc, kept, { power: 5 });
    addStakeholder(doc, { name: 'Neu seit der Version' });
    removeStakeholder(doc, removed);
    addPhase(doc, { title: 'Werkstatt' });
    writePlainParagraphs(getOverviewText(doc, 'goals'), ['Neues Ziel']);
    updateMeta(doc, { status: 'approved' });
    setGuidelineNotApplicable(doc, 'evaluation', 'Evaluiert die Senatsverwaltung.');
    const current = planToJSON(doc);

    // Restoring the version removes what came later and takes back the later changes; the
    // stakeholder removed since the version comes back. The status is not counted.
    const counts = summarizeRestore(current, version);
    expect(counts).toEqual([
      { part: 'overview', added: 0, removed: 0, changed: 1 },
      { part: 'stakeholders', added: 1, removed: 1, changed: 1 },
      { part: 'phases', added: 0, removed: 1, changed: 0 },
      { part: 'guidelineMarks', added: 0, removed: 1, changed: 0 },
    ]);
    expect(summarizeRestore(version, version)).toEqual([]);
  });
});
