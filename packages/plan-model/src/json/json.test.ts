import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PlanImportError, type PlanIssue } from '../errors.js';
import { getOverviewText } from '../overview.js';
import { listPhases, updatePhase } from '../records/phase.js';
import { listStakeholders } from '../records/stakeholder.js';
import { richTextToPlainText } from '../richtext/plain.js';
import { seedSamplePlan } from '../sample-plan.js';
import { hashPlan, planToJSON, toCanonicalJSON } from './export.js';
import { parsePlanJSON, planFromJSON, readStoredPlanJSON } from './import.js';
import { planJSONSchema } from './schema.js';

function sample(): Y.Doc {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  return doc;
}

function importIssues(input: unknown): PlanIssue[] {
  try {
    planFromJSON(new Y.Doc(), input);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanImportError);
    return [...(error as PlanImportError).issues];
  }
  throw new Error('expected the import to fail');
}

describe('planToJSON / planFromJSON', () => {
  it('round-trips into a fresh doc with equal canonical JSON and hash', async () => {
    const doc = sample();
    const json = planToJSON(doc);
    expect(planJSONSchema.safeParse(json).success).toBe(true);
    expect(json.phases[0]?.formats[0]?.title).toBe('Parkspaziergang');
    expect(JSON.stringify(json)).not.toContain('position');
    const copy = new Y.Doc();
    planFromJSON(copy, JSON.parse(JSON.stringify(json)));
    expect(toCanonicalJSON(copy)).toBe(toCanonicalJSON(doc));
    expect(await hashPlan(copy)).toBe(await hashPlan(doc));
    expect(await hashPlan(doc)).toMatch(/^[0-9a-f]{64}$/);
    expect(richTextToPlainText(getOverviewText(copy, 'goals'))).toBe(
      'Den Park gemeinsam planen.\n',
    );
  });

  it('canonical JSON has sorted keys and no whitespace', () => {
    const text = toCanonicalJSON(sample());
    expect(text).not.toMatch(/\n|": /);
    expect(text.startsWith('{"guidelineNotApplicable":{},"meta":')).toBe(true);
  });

  it('replaces existing content when importing into a used doc', () => {
    const doc = sample();
    const other = new Y.Doc();
    seedSamplePlan(other);
    planFromJSON(doc, planToJSON(other));
    expect(toCanonicalJSON(doc)).toBe(toCanonicalJSON(other));
    expect(listStakeholders(doc)).toHaveLength(2);
  });

  it('names every failing path, with ids, and writes nothing', () => {
    const json = planToJSON(sample()) as unknown as {
      meta: Record<string, unknown>;
      stakeholders: Array<Record<string, unknown>>;
      phases: Array<{ id: string; formats: Array<Record<string, unknown>> }>;
    };
    json.meta['status'] = 'finished';
    json.stakeholders[1]!['power'] = 7;
    json.phases[1]!.formats[0]!['title'] = 42;
    json.phases[0]!.formats[0]!['targetStakeholderIds'] = ['ghost'];
    const phaseId = json.phases[1]!.id;
    const formatId = json.phases[1]!.formats[0]!['id'] as string;
    const stakeholderId = json.stakeholders[1]!['id'] as string;
    const target = new Y.Doc();
    expect(() => planFromJSON(target, json)).toThrow(PlanImportError);
    expect(target.getMap('meta').size).toBe(0);
    const paths = importIssues(json).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'meta.status',
        `stakeholders[1](id=${stakeholderId}).power`,
        `phases[1](id=${phaseId}).formats[0](id=${formatId}).title`,
      ]),
    );
    expect(paths.some((p) => p.endsWith('.targetStakeholderIds[0]'))).toBe(true);
    expect(paths).toHaveLength(4);
  });

  it('rejects duplicate ids and dangling result subjects', () => {
    const json = planToJSON(sample());
    const [first, second] = json.stakeholders;
    const broken = {
      ...json,
      stakeholders: [first, { ...second, id: first!.id }],
      results: json.results.map((r) => ({ ...r, subjectId: 'nowhere' })),
    };
    const issues = importIssues(broken);
    expect(issues.find((i) => i.path.startsWith('stakeholders[1]'))?.message).toMatch(
      /duplicate id/,
    );
    expect(issues.find((i) => i.path.endsWith('subjectId'))?.message).toMatch(/nowhere/);
  });

  it('rejects a phase that ends before it starts, and writes nothing', () => {
    const json = planToJSON(sample());
    const phases = json.phases.map((p, i) =>
      i === 0 ? { ...p, start: '2026-05-10', end: '2026-05-09' } : p,
    );
    const issues = importIssues({ ...json, phases });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'end_before_start',
      segments: ['phases', 0, 'end'],
    });
    // Same day and open sides are fine.
    const sameDay = json.phases.map((p) => ({ ...p, start: '2026-05-10', end: '2026-05-10' }));
    expect(() => planFromJSON(new Y.Doc(), { ...json, phases: sameDay })).not.toThrow();
  });

  it('rejects non-objects, unknown versions and unknown keys', () => {
    expect(importIssues('plan')).toEqual([
      { path: '', message: 'expected an object', segments: [], code: 'not_object' },
    ]);
    expect(importIssues({ schemaVersion: 99 })[0]).toMatchObject({
      path: 'schemaVersion',
      code: 'schema_version',
    });
    const json = { ...planToJSON(sample()), extra: true };
    expect(importIssues(json)[0]).toMatchObject({ code: 'unknown_keys', keys: ['extra'] });
    expect(importIssues(json)[0]?.message).toMatch(/extra/);
  });

  it('gives every issue a code, the path segments and the bound, so callers can translate', () => {
    const json = planToJSON(sample()) as unknown as {
      meta: Record<string, unknown>;
      stakeholders: Array<Record<string, unknown>>;
      phases: Array<{ formats: Array<Record<string, unknown>> }>;
    };
    delete json.phases[1]!.formats[0]!['mode'];
    delete json.phases[1]!.formats[0]!['title'];
    delete json.meta['status'];
    json.stakeholders[0]!['name'] = 'x'.repeat(501);
    json.stakeholders[1]!['power'] = 0;
    json.stakeholders[1]!['group'] = 'aliens';
    json.meta['createdAt'] = 'yesterday';
    json.stakeholders[1]!['id'] = json.stakeholders[0]!['id'];
    const byCode = Object.fromEntries(importIssues(json).map((i) => [i.code, i]));
    const missing = importIssues(json).filter((i) => i.code === 'missing');
    expect(missing.map((i) => i.segments)).toEqual([
      ['meta', 'status'],
      ['phases', 1, 'formats', 0, 'mode'],
    ]);
    // A plain text field missing from a file reads as empty, as in a document.
    expect(missing.map((i) => i.segments)).not.toContainEqual(['phases', 1, 'formats', 0, 'title']);
    expect(byCode['too_long']).toMatchObject({ segments: ['stakeholders', 0, 'name'], limit: 500 });
    expect(byCode['too_small']).toMatchObject({ segments: ['stakeholders', 1, 'power'], limit: 1 });
    expect(byCode['invalid_value']).toMatchObject({ segments: ['stakeholders', 1, 'group'] });
    expect(byCode['invalid_format']).toMatchObject({ segments: ['meta', 'createdAt'] });
    expect(byCode['duplicate_id']).toMatchObject({ segments: ['stakeholders', 1, 'id'] });
  });
});

describe('readStoredPlanJSON', () => {
  /** Two people move one phase's start and end at the same moment, past each other. */
  function mergedBackwardsPhase(): Y.Doc {
    const ada = sample();
    const bea = new Y.Doc();
    Y.applyUpdate(bea, Y.encodeStateAsUpdate(ada));
    const id = listPhases(ada)[0]!.id;
    updatePhase(ada, id, { start: '2026-03-10', end: '2026-03-25' });
    Y.applyUpdate(bea, Y.encodeStateAsUpdate(ada));
    updatePhase(ada, id, { start: '2026-03-20' });
    updatePhase(bea, id, { end: '2026-03-15' });
    Y.applyUpdate(ada, Y.encodeStateAsUpdate(bea));
    return ada;
  }

  it('reads a merged state the import rules refuse, as it was stored', () => {
    const stored = JSON.parse(toCanonicalJSON(mergedBackwardsPhase())) as unknown;
    expect(() => parsePlanJSON(stored)).toThrow(PlanImportError);
    const plan = readStoredPlanJSON(stored);
    expect(plan.phases[0]).toMatchObject({ start: '2026-03-20', end: '2026-03-15' });
    expect(plan).toEqual(stored);
  });

  it('still refuses a schema version this build does not know', () => {
    const stored = { ...planToJSON(sample()), schemaVersion: 999 };
    expect(() => readStoredPlanJSON(stored)).toThrow(PlanImportError);
  });
});
