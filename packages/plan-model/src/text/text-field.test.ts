import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanValidationError } from '../errors.js';
import { planToJSON } from '../json/export.js';
import { getMeta, initPlan } from '../records/meta.js';
import { addPhase, getPhase, removePhase, updatePhase } from '../records/phase.js';
import { addStakeholder, updateStakeholder } from '../records/stakeholder.js';
import { TEXT_LIMITS } from './limits.js';
import {
  getTextField,
  metaTextFieldRef,
  recordTextFieldRef,
  type TextFieldChange,
} from './text-field.js';

function planWithPhase() {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Plan' });
  const phase = addPhase(doc, { title: 'Auftakt' });
  return { doc, phase };
}

describe('getTextField', () => {
  it('reads and writes a record field as a minimal splice into its Y.Text', () => {
    const { doc, phase } = planWithPhase();
    const field = getTextField(doc, recordTextFieldRef('phase', phase, 'title'))!;
    expect(field.value()).toBe('Auftakt');
    expect(field.limit).toBe(TEXT_LIMITS.phase.title);
    const changes: TextFieldChange[] = [];
    field.observe((c) => changes.push(c));
    expect(field.applyInput('Auftakt im Park', 'me')).toBe(true);
    expect(getPhase(doc, phase)!.title).toBe('Auftakt im Park');
    expect(changes).toEqual([
      { value: 'Auftakt im Park', delta: [{ retain: 7 }, { insert: ' im Park' }], origin: 'me' },
    ]);
  });

  it('edits meta fields and knows no other refs', () => {
    const { doc, phase } = planWithPhase();
    getTextField(doc, metaTextFieldRef('title'))!.applyInput('Neuer Plan');
    expect(getMeta(doc).title).toBe('Neuer Plan');
    expect(getTextField(doc, 'meta:status')).toBeUndefined();
    expect(getTextField(doc, `phase:${phase}:start`)).toBeUndefined();
    expect(getTextField(doc, 'phase:nope:title')).toBeUndefined();
    expect(getTextField(doc, 'format::title')).toBeUndefined();
  });

  it('refuses text over the limit with a typed error and writes nothing', () => {
    const { doc, phase } = planWithPhase();
    const field = getTextField(doc, recordTextFieldRef('phase', phase, 'title'))!;
    const tooLong = 'x'.repeat(field.limit + 1);
    let error: unknown;
    try {
      field.applyInput(tooLong);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    expect((error as PlanValidationError).issues[0]).toMatchObject({
      code: 'too_long',
      limit: TEXT_LIMITS.phase.title,
    });
    expect(field.value()).toBe('Auftakt');
    expect(() => updatePhase(doc, phase, { title: tooLong })).toThrow(PlanValidationError);
    expect(field.applyInput('x'.repeat(field.limit))).toBe(true);
  });

  it('reports a replaced field without a delta and stops when the record is gone', () => {
    const { doc, phase } = planWithPhase();
    const field = getTextField(doc, recordTextFieldRef('phase', phase, 'title'))!;
    const changes: TextFieldChange[] = [];
    field.observe((c) => changes.push(c));
    // A v2 writer (or a restore of another shape) puts a string where the Y.Text was.
    doc.transact(() => doc.getMap<Y.Map<unknown>>('phases').get(phase)!.set('title', 'Alt'));
    expect(changes.at(-1)).toMatchObject({ value: 'Alt', delta: null });
    field.applyInput('Alt und neu');
    expect(changes.at(-1)).toMatchObject({ value: 'Alt und neu', delta: null });
    field.applyInput('Alt und neu!');
    expect(changes.at(-1)?.delta).toEqual([{ retain: 11 }, { insert: '!' }]);
    removePhase(doc, phase);
    expect(field.applyInput('weg')).toBe(false);
    expect(changes.at(-1)).toMatchObject({ value: '', delta: null });
  });

  it('merges two people typing into the same field instead of keeping one value', () => {
    const a = new Y.Doc();
    initPlan(a, { title: 'Plan' });
    const id = addStakeholder(a, { name: 'Rat' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateStakeholder(a, id, { name: 'Rat der Stadt' });
    updateStakeholder(b, id, { name: 'Der Rat' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(planToJSON(a).stakeholders[0]!.name).toBe('Der Rat der Stadt');
    expect(planToJSON(b)).toEqual(planToJSON(a));
  });
});
