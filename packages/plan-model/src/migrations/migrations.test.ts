import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planToJSON } from '../json/export.js';
import { planFromJSON } from '../json/import.js';
import { getOverviewText } from '../overview.js';
import { addResult, listResults } from '../records/result.js';
import { getMeta, getSchemaVersion, initPlan, setSchemaVersion } from '../records/meta.js';
import { addPhase } from '../records/phase.js';
import { richTextToPlainText } from '../richtext/plain.js';
import { downgradeJSON, migrateDoc, migrateJSON, MIGRATIONS } from './index.js';

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
      plan: { ...v1Literal, schemaVersion: 2, results: [] },
      ran: ['plan/002_add_results'],
    });
    if (result.ok) record(result.ran);
    expect(v1Literal).not.toHaveProperty('results');
    const upgraded = { ...v1Literal, schemaVersion: 2, results: [{ id: 'r' }] };
    expect(downgradeJSON(upgraded, 1)).toEqual(v1Literal);
  });

  it('leaves current plans alone', () => {
    const current = { schemaVersion: 2, results: [] };
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
    expect(getSchemaVersion(doc)).toBe(2);
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
    expect(ran).toEqual(['plan/002_add_results']);
    expect(getSchemaVersion(doc)).toBe(2);
    expect(migrateDoc(doc)).toEqual([]);
    addResult(doc, { subjectId: phase });
    expect(listResults(doc)).toHaveLength(1);
    expect(migrateDoc(new Y.Doc())).toEqual([]);
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
