import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPhase, listPhases } from './records/phase.js';
import { initPlan, getMeta, updateMeta } from './records/meta.js';
import { addStakeholder, listStakeholders, updateStakeholder } from './records/stakeholder.js';
import { getOverviewText } from './overview.js';
import { planSharedTypes } from './shared-types.js';

describe('planSharedTypes', () => {
  it('returns every root type once, and the same ones on each call', () => {
    const doc = new Y.Doc();
    const first = planSharedTypes(doc);
    expect(new Set(first).size).toBe(first.length);
    expect(planSharedTypes(doc)).toEqual(first);
    expect(first).toContain(getOverviewText(doc, 'goals'));
  });

  it('lets an UndoManager undo only the changes made with the tracked origin', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Plan' });
    const mine = { name: 'local' };
    const undo = new Y.UndoManager(planSharedTypes(doc), {
      trackedOrigins: new Set([mine]),
      captureTimeout: 0,
    });
    const id = addStakeholder(doc, { name: 'Mine' }, mine);
    addPhase(doc, { title: 'Someone else' }, 'remote');
    updateMeta(doc, { title: 'Renamed' }, mine);
    updateStakeholder(doc, id, { power: 5 }, mine);
    getOverviewText(doc, 'goals').insert(0, 'text', {});

    undo.undo();
    expect(listStakeholders(doc)[0]?.power).toBe(3);
    undo.undo();
    expect(getMeta(doc).title).toBe('Plan');
    undo.undo();
    expect(listStakeholders(doc)).toEqual([]);
    expect(listPhases(doc).map((p) => p.title)).toEqual(['Someone else']);
    expect(getOverviewText(doc, 'goals').toString()).toBe('text');
    undo.redo();
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['Mine']);
  });
});
