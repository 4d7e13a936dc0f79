import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToJSON } from '../json/export.js';
import { updateMeta } from '../records/meta.js';
import { addStakeholder, removeStakeholder } from '../records/stakeholder.js';
import { seedSamplePlan } from '../sample-plan.js';
import { planContentKey } from './content-key.js';

describe('planContentKey', () => {
  it('ignores the workflow status and its time, nothing else', () => {
    const doc = new Y.Doc();
    seedSamplePlan(doc);
    const approved = planContentKey(planToJSON(doc));
    updateMeta(doc, { status: 'approved' });
    expect(planContentKey(planToJSON(doc))).toBe(approved);
    updateMeta(doc, { title: 'Anders' });
    expect(planContentKey(planToJSON(doc))).not.toBe(approved);
  });

  it('differs after an edit and is equal again when the edit is undone', () => {
    const doc = new Y.Doc();
    seedSamplePlan(doc);
    const before = planContentKey(planToJSON(doc));
    const id = addStakeholder(doc, { name: 'Neu' });
    expect(planContentKey(planToJSON(doc))).not.toBe(before);
    removeStakeholder(doc, id);
    expect(planContentKey(planToJSON(doc))).toBe(before);
  });
});
