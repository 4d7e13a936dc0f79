import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToJSON } from '../json/export.js';
import { getOverviewText } from '../overview.js';
import { addFormat, listFormats, updateFormat } from '../records/format.js';
import { setGuidelineNotApplicable } from '../records/guideline-marks.js';
import { addPhase, listPhases, movePhase } from '../records/phase.js';
import {
  addStakeholder,
  listStakeholders,
  removeStakeholder,
  updateStakeholder,
} from '../records/stakeholder.js';
import { writePlainParagraphs } from '../richtext/plain.js';
import { seedSamplePlan } from '../sample-plan.js';
import { diffPlans, diffText, GUIDELINE_REASON_FIELD } from './plan-diff.js';

function samplePlan(): Y.Doc {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  return doc;
}

describe('diffPlans', () => {
  it('finds nothing between a plan and itself', () => {
    const plan = planToJSON(samplePlan());
    expect(diffPlans(plan, plan).total).toBe(0);
  });

  it('reports added, removed and changed records field by field, and rich-text word diffs', () => {
    const doc = samplePlan();
    const before = planToJSON(doc);
    const [first, second] = listStakeholders(doc);
    updateStakeholder(doc, first!.id, { power: 4, name: 'Anwohnerschaft' });
    removeStakeholder(doc, second!.id);
    const added = addStakeholder(doc, { name: 'Presse' });
    writePlainParagraphs(getOverviewText(doc, 'goals'), ['Den Park zusammen planen.', '']);
    const after = planToJSON(doc);

    const diff = diffPlans(before, after);
    expect(diff.stakeholders).toEqual([
      {
        id: first!.id,
        change: 'changed',
        label: 'Anwohnerschaft',
        parentLabel: undefined,
        fields: [
          { field: 'name', kind: 'value', before: 'Anwohnende', after: 'Anwohnerschaft' },
          { field: 'power', kind: 'value', before: 2, after: 4 },
        ],
      },
      { id: added, change: 'added', label: 'Presse', parentLabel: undefined, fields: [] },
      { id: second!.id, change: 'removed', label: 'BVV', parentLabel: undefined, fields: [] },
    ]);
    expect(diff.overview).toHaveLength(1);
    const goals = diff.overview[0]!;
    expect(goals.kind === 'text' && goals.parts).toEqual([
      { kind: 'same', text: 'Den Park ' },
      { kind: 'removed', text: 'gemeinsam' },
      { kind: 'added', text: 'zusammen' },
      { kind: 'same', text: ' planen.\n' },
    ]);
    expect(diff.phases).toEqual([]);
    // The removed stakeholder is also gone from the targets of the formats that named it.
    for (const format of diff.formats) {
      expect(format.fields.map((f) => f.field)).toEqual(['targetStakeholderIds']);
    }
    expect(diff.total).toBe(4 + diff.formats.length);
  });

  it('reports moved phases and changed formats with their phase', () => {
    const doc = samplePlan();
    const before = planToJSON(doc);
    const [kickoff] = listPhases(doc);
    const format = listFormats(doc)[0]!;
    movePhase(doc, kickoff!.id, 1);
    updateFormat(doc, format.id, { mode: 'online' });
    const extra = addPhase(doc, { title: 'Auswertung' });
    addFormat(doc, { phaseId: extra, title: 'Bericht' });
    const diff = diffPlans(before, planToJSON(doc));
    const moved = diff.phases.find((p) => p.id === kickoff!.id)!;
    expect(moved.fields).toContainEqual({ field: 'order', kind: 'value', before: 1, after: 2 });
    expect(diff.phases.find((p) => p.id === extra)?.change).toBe('added');
    expect(diff.formats.find((f) => f.id === format.id)).toMatchObject({
      change: 'changed',
      parentLabel: 'Auftakt',
      fields: [{ field: 'mode', before: format.mode, after: 'online' }],
    });
    expect(diff.formats.find((f) => f.label === 'Bericht')).toMatchObject({
      change: 'added',
      parentLabel: 'Auswertung',
    });
  });

  it('reports guideline items marked, unmarked and re-reasoned as not applicable', () => {
    const doc = samplePlan();
    setGuidelineNotApplicable(doc, 'evaluation', 'Evaluation macht der Bezirk');
    setGuidelineNotApplicable(doc, 'feedback', 'Keine Rückmeldung vorgesehen');
    const before = planToJSON(doc);
    setGuidelineNotApplicable(doc, 'evaluation', null);
    setGuidelineNotApplicable(doc, 'feedback', 'Rückmeldung über den Bezirk');
    setGuidelineNotApplicable(doc, 'hard-to-reach', 'Nur Fachöffentlichkeit');
    const diff = diffPlans(before, planToJSON(doc));
    const field = GUIDELINE_REASON_FIELD;
    expect(diff.guidelineMarks).toEqual([
      {
        id: 'evaluation',
        change: 'removed',
        label: 'evaluation',
        fields: [{ field, kind: 'value', before: 'Evaluation macht der Bezirk', after: undefined }],
      },
      {
        id: 'feedback',
        change: 'changed',
        label: 'feedback',
        fields: [
          {
            field,
            kind: 'value',
            before: 'Keine Rückmeldung vorgesehen',
            after: 'Rückmeldung über den Bezirk',
          },
        ],
      },
      {
        id: 'hard-to-reach',
        change: 'added',
        label: 'hard-to-reach',
        fields: [{ field, kind: 'value', before: undefined, after: 'Nur Fachöffentlichkeit' }],
      },
    ]);
    expect(diff.total).toBe(3);
    expect(diffPlans(before, before).guidelineMarks).toEqual([]);
  });

  it('word-diffs plain text', () => {
    expect(diffText('a b c', 'a c d')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'b ' },
      { kind: 'same', text: 'c ' },
      { kind: 'added', text: 'd' },
    ]);
  });
});
