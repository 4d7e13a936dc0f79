import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToJSON } from '../json/export.js';
import { planFromJSON } from '../json/import.js';
import { getOverviewText } from '../overview.js';
import { addResult, listResults } from '../records/result.js';
import { getMeta, getSchemaVersion, initPlan, setSchemaVersion } from '../records/meta.js';
import { addPhase, updatePhase, type PhaseId } from '../records/phase.js';
import { richTextToPlainText } from '../richtext/plain.js';
import { downgradeJSON, migrateDoc, migrateJSON, MIGRATIONS } from './index.js';
import { jsonInlineContributions, readInlineContributions } from './004_contributions_to_tables.js';
import { facilitationKnowledge } from './005_facilitation_knowledge.js';
import { migrationUpdate, storedInlineContributions } from './stored-state.js';

const ALL_AFTER_3 = ['plan/004_contributions_to_tables', 'plan/005_facilitation_knowledge'];
const ALL_AFTER_4 = ['plan/005_facilitation_knowledge'];
/** A v4 literal as the current schema holds it: version 5 adds its defaults. */
const asV5 = (plan: Record<string, unknown>) => facilitationKnowledge.upJSON(plan);

/** Ids of migrations some test made run; the guard at the end demands all of them. */
const exercised = new Set<string>();
const record = (ran: readonly string[]) => ran.forEach((id) => exercised.add(id));

const v1Literal = {
  schemaVersion: 1,
  meta: { title: 'Old' },
  stakeholders: [],
  phases: [],
};

describe('plan/002_add_results', () => {
  it('up adds an empty results list to a literal v1 object, down removes it', () => {
    const result = migrateJSON(v1Literal);
    expect(result).toEqual({
      ok: true,
      plan: asV5({ ...v1Literal, schemaVersion: 4, results: [] }),
      ran: ['plan/002_add_results', 'plan/003_plain_text_as_y_text', ...ALL_AFTER_3],
    });
    if (result.ok) record(result.ran);
    expect(v1Literal).not.toHaveProperty('results');
    const upgraded = { ...v1Literal, schemaVersion: 2, results: [{ id: 'r' }] };
    expect(downgradeJSON(upgraded, 1)).toEqual(v1Literal);
  });

  it('leaves current plans alone', () => {
    const current = { schemaVersion: 5, results: [] };
    expect(migrateJSON(current)).toEqual({ ok: true, plan: current, ran: [] });
  });

  it('imports a v1 JSON file', () => {
    const file: unknown = JSON.parse(
      readFileSync(new URL('./fixtures/v1-plan.json', import.meta.url), 'utf8'),
    );
    const migration = migrateJSON(file);
    if (migration.ok) record(migration.ran);
    const doc = new Y.Doc();
    planFromJSON(doc, file);
    expect(getSchemaVersion(doc)).toBe(5);
    expect(getMeta(doc).title).toBe('Spielplatz Nord');
    expect(richTextToPlainText(getOverviewText(doc, 'goals'))).toBe('Kinder beteiligen');
    const json = planToJSON(doc);
    expect(json.results).toEqual([]);
    expect(json.phases[0]?.formats[0]?.targetStakeholderIds).toEqual(['kids']);
  });

  it('upgrades a v1 Y.Doc and bumps its version, once', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Old doc' });
    const phase = addPhase(doc, { title: 'P' });
    doc.transact(() => setSchemaVersion(doc, 1));
    const ran = migrateDoc(doc, 'migration');
    record(ran);
    expect(ran).toEqual(['plan/002_add_results', 'plan/003_plain_text_as_y_text', ...ALL_AFTER_3]);
    expect(getSchemaVersion(doc)).toBe(5);
    expect(migrateDoc(doc)).toEqual([]);
    addResult(doc, { subjectId: phase });
    expect(listResults(doc)).toHaveLength(1);
    expect(migrateDoc(new Y.Doc())).toEqual([]);
  });
});

/** The v2 document fixture: a sample plan written by the schema-2 code (strings in Y.Maps). */
function v2Doc(): Y.Doc {
  const base64 = readFileSync(new URL('./fixtures/v2-plan-doc.base64', import.meta.url), 'utf8');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(base64.trim(), 'base64'));
  return doc;
}

/** Every plain text value stored in the doc that is still a string (none after migrating). */
function stringTextFields(doc: Y.Doc): string[] {
  const json = planToJSON(doc);
  const out: string[] = [];
  const check = (map: Y.Map<unknown> | undefined, keys: readonly string[], where: string) =>
    keys.forEach((k) => typeof map?.get(k) === 'string' && out.push(`${where}.${k}`));
  check(doc.getMap('meta'), ['title', 'requestingUnit', 'facilitator'], 'meta');
  for (const s of json.stakeholders) {
    check(doc.getMap<Y.Map<unknown>>('stakeholders').get(s.id), ['name', 'contactRole'], s.id);
  }
  for (const p of json.phases) {
    check(doc.getMap<Y.Map<unknown>>('phases').get(p.id), ['title'], p.id);
    for (const f of p.formats) {
      const keys = ['title', 'method', 'placeOrTool', 'responsible', 'expectedOutput', 'resources'];
      check(doc.getMap<Y.Map<unknown>>('formats').get(f.id), keys, f.id);
    }
  }
  return out;
}

describe('plan/003_plain_text_as_y_text', () => {
  it('up and down only change the version of a literal v2 object', () => {
    const v2 = { schemaVersion: 2, meta: { title: 'T' }, results: [] };
    const result = migrateJSON(v2);
    expect(result).toEqual({
      ok: true,
      plan: asV5({ ...v2, schemaVersion: 4 }),
      ran: ['plan/003_plain_text_as_y_text', ...ALL_AFTER_3],
    });
    if (result.ok) record(result.ran);
    expect(downgradeJSON({ ...v2, schemaVersion: 4 }, 2)).toEqual(v2);
  });

  it('converts every plain text field of the v2 fixture doc and keeps the plan equal', () => {
    const doc = v2Doc();
    expect(getSchemaVersion(doc)).toBe(2);
    const before = planToJSON(doc);
    expect(stringTextFields(doc).length).toBeGreaterThan(10);
    const ran = migrateDoc(doc);
    record(ran);
    expect(ran).toEqual(['plan/003_plain_text_as_y_text', ...ALL_AFTER_3]);
    expect(stringTextFields(doc)).toEqual([]);
    expect(planToJSON(doc)).toEqual({ ...before, schemaVersion: 5 });
    expect(getMeta(doc).title).toBe('Bürgerbeteiligung Parkumgestaltung');
  });

  it('gives the update the server stores, once', () => {
    const state = Y.encodeStateAsUpdate(v2Doc());
    const update = migrationUpdate(state);
    expect(update).not.toBeNull();
    const migrated = Y.mergeUpdates([state, update!]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, migrated);
    expect(getSchemaVersion(doc)).toBe(5);
    expect(stringTextFields(doc)).toEqual([]);
    expect(migrationUpdate(migrated)).toBeNull();
    expect(migrationUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBeNull();
  });

  it('never duplicates text when two replicas migrate the same doc at once', () => {
    const state = Y.encodeStateAsUpdate(v2Doc());
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(a, state);
    Y.applyUpdate(b, state);
    const expected = { ...planToJSON(a), schemaVersion: 5 };
    migrateDoc(a);
    migrateDoc(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(planToJSON(a)).toEqual(expected);
    expect(planToJSON(b)).toEqual(expected);
    expect(stringTextFields(a)).toEqual([]);
  });

  it('lets a client write into a field of a doc not yet migrated', () => {
    const doc = v2Doc();
    const phase = planToJSON(doc).phases[0]!;
    updatePhase(doc, phase.id as PhaseId, { title: 'Auftakt im Park' });
    expect(doc.getMap<Y.Map<unknown>>('phases').get(phase.id)!.get('title')).toBeInstanceOf(Y.Text);
    expect(planToJSON(doc).phases[0]!.title).toBe('Auftakt im Park');
  });
});

describe('plan/004_contributions_to_tables', () => {
  it('removes inline contributions from a JSON plan and keeps the feedback', () => {
    const feedback = { root: { type: 'root', children: [] } };
    const v3 = {
      schemaVersion: 3,
      results: [{ id: 'r', subjectId: 'p', feedback, contributions: [{ id: 'c', text: 'T' }] }],
    };
    const result = migrateJSON(v3);
    expect(result).toEqual({
      ok: true,
      plan: asV5({ schemaVersion: 4, results: [{ id: 'r', subjectId: 'p', feedback }] }),
      ran: ALL_AFTER_3,
    });
    if (result.ok) {
      record(result.ran);
      expect(downgradeJSON(downgradeJSON(result.plan, 4), 3)).toEqual({
        ...v3,
        results: [{ ...v3.results[0], contributions: [] }],
      });
    }
  });

  it('reads the contributions of a JSON plan of schema 3 or older, as from a document', () => {
    const v3 = {
      schemaVersion: 3,
      results: [
        {
          id: 'r',
          subjectId: 'p',
          contributions: [
            { id: 'c1', text: 'Mehr Bänke', response: 'partly', reason: 'Platz fehlt' },
            { id: 'c1', text: 'repeated id: dropped', response: 'open', reason: '' },
            { id: 'c2', text: 7, response: 'maybe', reason: null },
            'not an object',
            { text: 'no id: dropped' },
          ],
        },
        { id: 'r2', subjectId: 'f', contributions: 'not a list' },
      ],
    };
    expect(jsonInlineContributions(v3)).toEqual([
      { id: 'c1', subjectId: 'p', text: 'Mehr Bänke', response: 'partly', reason: 'Platz fehlt' },
      { id: 'c2', subjectId: 'p', text: '', response: 'open', reason: '' },
    ]);
    expect(jsonInlineContributions({ ...v3, schemaVersion: 4 })).toEqual([]);
    expect(jsonInlineContributions({ results: v3.results })).toEqual([]);
    expect(jsonInlineContributions(null)).toEqual([]);
  });

  it('reads the contributions of a stored v2 document, then removes them from it', () => {
    const doc = v2Doc();
    const state = Y.encodeStateAsUpdate(doc);
    const inline = readInlineContributions(doc);
    expect(inline).toHaveLength(2);
    for (const contribution of inline) {
      expect(contribution.text).not.toBe('');
      expect(['open', 'adopted', 'partly', 'rejected']).toContain(contribution.response);
    }
    expect(storedInlineContributions(state)).toEqual(inline);
    const feedbackBefore = planToJSON(doc).results.map((r) => r.feedback);
    record(migrateDoc(doc));
    const result = doc.getMap<Y.Map<unknown>>('results').values().next().value as Y.Map<unknown>;
    expect(result.has('contributions')).toBe(false);
    expect(result.get('feedback')).toBeInstanceOf(Y.XmlText);
    expect(planToJSON(doc).results.map((r) => r.feedback)).toEqual(feedbackBefore);
    const migrated = Y.mergeUpdates([state, migrationUpdate(state)!]);
    expect(storedInlineContributions(migrated)).toEqual([]);
  });
});

describe('plan/005_facilitation_knowledge', () => {
  const v4 = {
    schemaVersion: 4,
    overview: { goals: { root: { type: 'root', children: [] } } },
    phases: [{ id: 'p', title: 'Auftakt', formats: [{ id: 'f', title: 'Werkstatt' }] }],
  };

  it('gives a v4 plan participation phases, no method, no letters and no marks, and back', () => {
    const result = migrateJSON(v4);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    record(result.ran);
    expect(result.ran).toEqual(ALL_AFTER_4);
    const phase = (result.plan['phases'] as Array<Record<string, unknown>>)[0]!;
    expect(phase).toMatchObject({ kind: 'participation', staffDays: null, responsibilities: {} });
    expect((phase['formats'] as unknown[])[0]).toMatchObject({
      methodId: null,
      responsibilities: {},
    });
    expect(result.plan['guidelineNotApplicable']).toEqual({});
    expect(Object.keys(result.plan['overview'] as object)).toContain('evaluation');
    expect(downgradeJSON(result.plan, 4)).toEqual(v4);
  });

  it('migrates a v4 document without rewriting its records', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'Alt' });
    const phase = addPhase(doc, { title: 'P' });
    doc.transact(() => setSchemaVersion(doc, 4));
    const before = Y.encodeStateVector(doc);
    const ran = migrateDoc(doc);
    record(ran);
    expect(ran).toEqual(ALL_AFTER_4);
    expect(getSchemaVersion(doc)).toBe(5);
    // Only the version number was written: the new fields read as their defaults.
    const written = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before)).structs;
    expect(written).toHaveLength(1);
    expect(planToJSON(doc).phases[0]).toMatchObject({ id: phase, kind: 'participation' });
  });
});

describe('migration list', () => {
  it('has unique, namespaced ids in version order', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    MIGRATIONS.forEach((m, i) => {
      expect(m.id).toMatch(/^plan\/\d{3}_[a-z0-9_]+$/);
      expect(m.from).toBe(i + 1);
      expect(Number(m.id.slice(5, 8))).toBe(m.from + 1);
    });
  });

  // Guard, kept last in this file (vitest runs a file's tests in order): a migration that no
  // test above ran is a migration nobody has seen work.
  it('every migration was exercised by a test above', () => {
    const missing = MIGRATIONS.map((m) => m.id).filter((id) => !exercised.has(id));
    expect(missing, 'migrations never exercised by a test').toEqual([]);
  });
});
