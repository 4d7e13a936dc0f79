import {
  PlanImportError,
  parsePlanJSON,
  seedSamplePlan,
  planToJSON,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { describeIssues, type ImportWords } from './import-issues.js';

/** German words as the catalog has them (only what these tests need). */
const words: ImportWords = {
  file: 'Datei',
  meta: 'Allgemeine Angaben',
  overview: 'Überblick',
  stakeholder: (n, name) => (name ? `Beteiligte ${n} „${name}“` : `Beteiligte ${n}`),
  phase: (n, name) => (name ? `Phase ${n} „${name}“` : `Phase ${n}`),
  format: (n, name) => (name ? `Format ${n} „${name}“` : `Format ${n}`),
  result: (n) => `Ergebnis ${n}`,
  contribution: (n) => `Beitrag ${n}`,
  item: (n) => `Eintrag ${n}`,
  field: (key) =>
    ({
      title: 'Titel',
      mode: 'Durchführung',
      power: 'Einfluss',
      status: 'Status',
      goals: 'Ziele',
      targetStakeholderIds: 'Zielgruppen',
      end: 'Ende',
    })[key] ?? key,
  theEntry: 'Der Eintrag',
  problem: (code, field, issue) =>
    ({
      missing: `${field} fehlt`,
      too_big: `${field} ist zu groß (höchstens ${issue.limit})`,
      invalid_value: `${field} hat einen ungültigen Wert`,
      unknown_keys: `unbekannte Angaben: ${issue.keys?.join(', ')}`,
      unknown_reference: `${field} verweist auf etwas, das es im Plan nicht gibt`,
      end_before_start: `${field} liegt vor dem Beginn`,
      invalid_type: `${field} hat den falschen Typ`,
    })[code as string] ?? `${field}: ${code}`,
  issue: (place, problem) => `${place}: ${problem}`,
};

function issuesOf(input: unknown): string[] {
  try {
    parsePlanJSON(input);
  } catch (error) {
    if (error instanceof PlanImportError) return describeIssues(error.issues, input, words);
    throw error;
  }
  throw new Error('expected the plan to be invalid');
}

function sample(): ReturnType<typeof planToJSON> {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  return planToJSON(doc);
}

describe('describeIssues', () => {
  it('names a missing section or collection as a field of the file', () => {
    const { overview: _o, phases: _p, ...rest } = sample();
    const { status: _s, ...meta } = rest.meta;
    expect(issuesOf({ ...rest, meta, results: [] })).toEqual([
      'Allgemeine Angaben: Status fehlt',
      'Datei: overview fehlt',
      'Datei: phases fehlt',
    ]);
  });

  it('says which phase ends before it starts', () => {
    const plan = sample();
    const phase = { ...plan.phases[0]!, start: '2026-05-10', end: '2026-05-01' };
    expect(issuesOf({ ...plan, phases: [phase, ...plan.phases.slice(1)] })).toEqual([
      `Phase 1 „${phase.title}“: Ende liegt vor dem Beginn`,
    ]);
  });

  it('names the record by position and title, then the field and the problem', () => {
    const plan = sample() as unknown as {
      meta: Record<string, unknown>;
      stakeholders: Record<string, unknown>[];
      phases: { title: string; formats: Record<string, unknown>[] }[];
      overview: Record<string, unknown>;
      extra?: boolean;
    };
    const phase = plan.phases[1]!;
    phase.formats[0]!['title'] = '';
    delete phase.formats[0]!['mode'];
    plan.stakeholders[0]!['power'] = 9;
    plan.meta['status'] = 'finished';
    plan.phases[0]!.formats[0]!['targetStakeholderIds'] = ['ghost'];
    plan.overview['goals'] = { attrs: {}, delta: [{ insert: 5 }] };
    plan.extra = true;
    const stakeholderName = String(plan.stakeholders[0]!['name']);
    const firstPhase = plan.phases[0]!;
    expect(issuesOf(plan)).toEqual(
      expect.arrayContaining([
        `Phase 2 „${phase.title}“ › Format 1: Durchführung fehlt`,
        `Beteiligte 1 „${stakeholderName}“: Einfluss ist zu groß (höchstens 5)`,
        'Allgemeine Angaben: Status hat einen ungültigen Wert',
        `Phase 1 „${firstPhase.title}“ › Format 1 „${String(firstPhase.formats[0]!['title'])}“: Zielgruppen › Eintrag 1 verweist auf etwas, das es im Plan nicht gibt`,
        'Überblick: Ziele hat einen ungültigen Wert',
        'Datei: unbekannte Angaben: extra',
      ]),
    );
  });
});
