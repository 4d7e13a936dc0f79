import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanValidationError } from '../errors.js';
import { richTextToPlainText, writePlainParagraphs } from '../richtext/plain.js';
import {
  addFormat,
  getFormat,
  listFormats,
  moveFormat,
  removeFormat,
  updateFormat,
  type FormatId,
} from './format.js';
import { CURRENT_SCHEMA_VERSION, getMeta, initPlan, updateMeta } from './meta.js';
import {
  PHASE_RESOURCE_FIELDS,
  PHASE_RESOURCE_LIMITS,
  addPhase,
  getPhase,
  listPhases,
  movePhase,
  removePhase,
  updatePhase,
} from './phase.js';
import { addResult, getResult, listResults, removeResult } from './result.js';
import {
  addStakeholder,
  getStakeholder,
  listStakeholders,
  moveStakeholder,
  removeStakeholder,
  updateStakeholder,
} from './stakeholder.js';

function plan(): Y.Doc {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Test' });
  return doc;
}

describe('meta', () => {
  it('initialises once and updates fields', () => {
    const doc = new Y.Doc();
    expect(initPlan(doc, { title: 'A', facilitator: 'F' })).toBe(true);
    expect(initPlan(doc, { title: 'B' })).toBe(false);
    expect(getMeta(doc)).toMatchObject({
      title: 'A',
      facilitator: 'F',
      status: 'draft',
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
    updateMeta(doc, { status: 'in_review', updatedAt: '2025-02-01T00:00:00.000Z' });
    expect(getMeta(doc)).toMatchObject({
      status: 'in_review',
      updatedAt: '2025-02-01T00:00:00.000Z',
    });
  });

  it('rejects an unknown status with a named error and path', () => {
    const doc = plan();
    const attempt = () => updateMeta(doc, { status: 'done' as 'draft' });
    expect(attempt).toThrow(PlanValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as PlanValidationError).issues.map((i) => i.path)).toEqual(['status']);
    }
  });
});

describe('stakeholders', () => {
  it('adds, reads, updates, reorders and removes', () => {
    const doc = plan();
    const a = addStakeholder(doc, { name: 'A', power: 5 });
    const b = addStakeholder(doc, { name: 'B', group: 'business' });
    const c = addStakeholder(doc, { name: 'C' });
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['A', 'B', 'C']);
    expect(getStakeholder(doc, a)).toMatchObject({ power: 5, interest: 3, group: 'other' });
    expect(updateStakeholder(doc, b, { interest: 1, participationLevel: 'empower' })).toBe(true);
    expect(getStakeholder(doc, b)).toMatchObject({ interest: 1, participationLevel: 'empower' });
    moveStakeholder(doc, c, 0);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['C', 'A', 'B']);
    moveStakeholder(doc, c, 99);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['A', 'B', 'C']);
    moveStakeholder(doc, a, 1);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['B', 'A', 'C']);
    expect(removeStakeholder(doc, a)).toBe(true);
    expect(removeStakeholder(doc, a)).toBe(false);
    expect(updateStakeholder(doc, a, { name: 'gone' })).toBe(false);
    expect(listStakeholders(doc).map((s) => s.name)).toEqual(['B', 'C']);
  });

  it('reports every invalid field at once', () => {
    const doc = plan();
    try {
      addStakeholder(doc, { name: 'X', power: 9, group: 'aliens' as 'other' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanValidationError);
      expect((error as PlanValidationError).issues.map((i) => i.path).sort()).toEqual([
        'group',
        'power',
      ]);
    }
    expect(listStakeholders(doc)).toEqual([]);
  });

  it('keeps notes as rich text', () => {
    const doc = plan();
    const id = addStakeholder(doc, { name: 'A' });
    writePlainParagraphs(getStakeholder(doc, id)!.notes, ['one', 'two']);
    expect(richTextToPlainText(getStakeholder(doc, id)!.notes)).toBe('one\ntwo');
  });
});

describe('phases and formats', () => {
  it('orders formats within their phase and moves them between phases', () => {
    const doc = plan();
    const p1 = addPhase(doc, { title: 'P1' });
    const p2 = addPhase(doc, { title: 'P2', start: '2025-01-01', end: null });
    const f1 = addFormat(doc, { phaseId: p1, title: 'F1' });
    const f2 = addFormat(doc, { phaseId: p1, title: 'F2' });
    const f3 = addFormat(doc, { phaseId: p2, title: 'F3' });
    expect(listFormats(doc, p1).map((f) => f.title)).toEqual(['F1', 'F2']);
    moveFormat(doc, f2, { phaseId: p1, index: 0 });
    expect(listFormats(doc, p1).map((f) => f.title)).toEqual(['F2', 'F1']);
    moveFormat(doc, f1, { phaseId: p2, index: 0 });
    expect(listFormats(doc, p1).map((f) => f.title)).toEqual(['F2']);
    expect(listFormats(doc, p2).map((f) => f.title)).toEqual(['F1', 'F3']);
    expect(getFormat(doc, f1)?.phaseId).toBe(p2);
    expect(listFormats(doc).map((f) => f.title)).toEqual(['F2', 'F1', 'F3']);
    movePhase(doc, p2, 0);
    expect(listPhases(doc).map((p) => p.title)).toEqual(['P2', 'P1']);
    expect(listFormats(doc).map((f) => f.title)).toEqual(['F1', 'F3', 'F2']);
    expect(() => moveFormat(doc, f3, { phaseId: 'nope' as typeof p1, index: 0 })).toThrow(
      PlanValidationError,
    );
  });

  it('updates fields, including nulls and targets', () => {
    const doc = plan();
    const p = addPhase(doc, { title: 'P', start: '2025-01-01' });
    updatePhase(doc, p, { start: null, participationLevel: 'consult' });
    expect(getPhase(doc, p)).toMatchObject({ start: null, participationLevel: 'consult' });
    const s1 = addStakeholder(doc, { name: 'S1' });
    const s2 = addStakeholder(doc, { name: 'S2' });
    const f = addFormat(doc, { phaseId: p, title: 'F', targetStakeholderIds: [s1] });
    updateFormat(doc, f, { targetStakeholderIds: [s2, s1], durationMinutes: 90, mode: 'online' });
    expect(getFormat(doc, f)).toMatchObject({ durationMinutes: 90, mode: 'online' });
    expect(new Set(getFormat(doc, f)?.targetStakeholderIds)).toEqual(new Set([s1, s2]));
    removeStakeholder(doc, s1);
    expect(getFormat(doc, f)?.targetStakeholderIds).toEqual([s2]);
    expect(() => updateFormat(doc, f, { targetStakeholderIds: [s1] })).toThrow(
      /targetStakeholderIds\[0\]/,
    );
    expect(() => addFormat(doc, { phaseId: 'missing', title: 'X' })).toThrow(/phaseId/);
  });

  it('refuses a phase period that ends before it starts, on either side', () => {
    const doc = plan();
    expect(() => addPhase(doc, { title: 'P', start: '2026-05-10', end: '2026-05-01' })).toThrow(
      /end_before_start|end 2026-05-01 is before start 2026-05-10/,
    );
    expect(listPhases(doc)).toHaveLength(0);
    const p = addPhase(doc, { title: 'P', start: '2026-05-10', end: '2026-05-20' });
    const refused = (patch: Parameters<typeof updatePhase>[2]) => {
      try {
        updatePhase(doc, p, patch);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanValidationError);
        return (error as PlanValidationError).issues[0]?.code;
      }
      return undefined;
    };
    expect(refused({ end: '2026-05-09' })).toBe('end_before_start');
    expect(refused({ start: '2026-05-21' })).toBe('end_before_start');
    expect(getPhase(doc, p)).toMatchObject({ start: '2026-05-10', end: '2026-05-20' });
    expect(refused({ start: '2026-05-20' })).toBeUndefined();
    expect(refused({ end: null })).toBeUndefined();
    expect(refused({ start: '2027-01-01' })).toBeUndefined();
  });

  it('adds a format with a method link and a description of plain paragraphs, in one step', () => {
    const doc = plan();
    const p = addPhase(doc, { title: 'P' });
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const f = addFormat(doc, {
      phaseId: p,
      title: 'World Café',
      method: 'World Café',
      mode: 'hybrid',
      durationMinutes: 150,
      methodId: 'world-cafe',
      description: ['Viele reden mit vielen.', 'Dauer: 2–3 Stunden'],
    });
    // One transaction: the others and the undo manager see one change.
    expect(updates).toHaveLength(1);
    const format = getFormat(doc, f)!;
    expect(format).toMatchObject({
      title: 'World Café',
      method: 'World Café',
      mode: 'hybrid',
      durationMinutes: 150,
      methodId: 'world-cafe',
    });
    expect(richTextToPlainText(format.description)).toBe(
      'Viele reden mit vielen.\nDauer: 2–3 Stunden',
    );
    // Without paragraphs the description stays empty.
    const plain = addFormat(doc, { phaseId: p, title: 'Frei', description: [] });
    expect(getFormat(doc, plain)!.description.length).toBe(0);
  });

  it('refuses a description longer than its limit whole, naming the limit', () => {
    const doc = plan();
    const p = addPhase(doc, { title: 'P' });
    const half = 'x'.repeat(5_000);
    // Exactly the limit (paragraph breaks do not count) is fine.
    addFormat(doc, { phaseId: p, title: 'Fits', description: [half, half] });
    try {
      addFormat(doc, { phaseId: p, title: 'Too long', description: [half, half, 'y'] });
      expect.unreachable('the description passes the limit');
    } catch (error) {
      expect(error).toBeInstanceOf(PlanValidationError);
      expect((error as PlanValidationError).issues[0]).toMatchObject({
        path: 'description',
        code: 'too_long',
        limit: 10_000,
      });
    }
    expect(listFormats(doc, p).map((f) => f.title)).toEqual(['Fits']);
  });

  it('keeps resources within their limits: from 0 to the maximum, whole where they count', () => {
    const doc = plan();
    const id = addPhase(doc, { title: 'P' });
    for (const field of PHASE_RESOURCE_FIELDS) {
      const { max, whole } = PHASE_RESOURCE_LIMITS[field];
      expect(updatePhase(doc, id, { [field]: max })).toBe(true);
      expect(() => updatePhase(doc, id, { [field]: max + 1 })).toThrow(PlanValidationError);
      expect(() => updatePhase(doc, id, { [field]: -1 })).toThrow(PlanValidationError);
      if (whole) expect(() => updatePhase(doc, id, { [field]: 1.5 })).toThrow(PlanValidationError);
      else expect(updatePhase(doc, id, { [field]: 1.5 })).toBe(true);
      expect(getPhase(doc, id)?.[field]).toBe(whole ? max : 1.5);
      expect(updatePhase(doc, id, { [field]: null })).toBe(true);
      expect(getPhase(doc, id)?.[field]).toBeNull();
    }
  });

  it('removing a phase removes its formats and their results', () => {
    const doc = plan();
    const p = addPhase(doc, { title: 'P' });
    const keep = addPhase(doc, { title: 'Keep' });
    const f = addFormat(doc, { phaseId: p, title: 'F' });
    const kept = addFormat(doc, { phaseId: keep, title: 'K' });
    addResult(doc, { subjectId: f });
    addResult(doc, { subjectId: p });
    const keptResult = addResult(doc, { subjectId: kept });
    expect(removePhase(doc, p)).toBe(true);
    expect(getFormat(doc, f)).toBeUndefined();
    expect(listResults(doc).map((r) => r.id)).toEqual([keptResult]);
    expect(removeFormat(doc, kept)).toBe(true);
    expect(listResults(doc)).toEqual([]);
    expect(removeFormat(doc, 'x' as FormatId)).toBe(false);
  });
});

describe('results', () => {
  it('adds and removes a result about a phase, with its feedback', () => {
    const doc = plan();
    const p = addPhase(doc, { title: 'P' });
    const r = addResult(doc, { subjectId: p });
    expect(getResult(doc, r)?.subjectId).toBe(p);
    expect(getResult(doc, r)?.feedback).toBeInstanceOf(Y.XmlText);
    expect(() => addResult(doc, { subjectId: 'nothing' })).toThrow(PlanValidationError);
    expect(removeResult(doc, r)).toBe(true);
    expect(getResult(doc, r)).toBeUndefined();
  });
});
