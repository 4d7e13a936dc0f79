import { readdirSync } from 'node:fs';
import { SEED_METHODS } from '@prozesswerkstatt/method-library/seed';
import {
  CURRENT_SCHEMA_VERSION,
  anonymisePlan,
  parsePlanJSON,
  planFromJSON,
  planJSONSchema,
  planToJSON,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PLAN_TEMPLATES, findPlanTemplate } from './index.js';

const files = readdirSync(new URL('./templates/', import.meta.url)).filter((name) =>
  name.endsWith('.json'),
);

describe('built-in plan templates', () => {
  it('lists every template file once, with at least the four the issue asks for', () => {
    expect(PLAN_TEMPLATES.map((t) => `${t.id}.json`).sort()).toEqual([...files].sort());
    expect(PLAN_TEMPLATES.map((t) => t.id)).toEqual([
      'bebauungsplan-fruehzeitig',
      'spielplatz-mit-kindern',
      'ressortuebergreifende-strategie',
      'kiezfonds',
    ]);
    expect(findPlanTemplate('kiezfonds')?.plan).toBe(PLAN_TEMPLATES[3]?.plan);
    expect(findPlanTemplate('no-such-template')).toBeUndefined();
  });

  describe.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('is a valid plan of the current schema, written as planToJSON writes it', () => {
      expect(planJSONSchema.safeParse(template.plan).success).toBe(true);
      const plan = parsePlanJSON(template.plan);
      expect(plan.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      const doc = new Y.Doc();
      planFromJSON(doc, plan);
      expect(planToJSON(doc)).toEqual(template.plan);
    });

    it('holds a process worth starting from: overview, stakeholders, phases with formats', () => {
      const plan = parsePlanJSON(template.plan);
      const fields = [
        'occasion',
        'goals',
        'scopeOfInfluence',
        'constraints',
        'hardToReachGroups',
        'resultsHandling',
        'participantFeedback',
        'evaluation',
      ] as const;
      for (const field of fields) {
        expect(plan.overview[field].delta.length, field).toBeGreaterThan(0);
      }
      expect(plan.stakeholders.length).toBeGreaterThanOrEqual(5);
      expect(plan.phases.length).toBeGreaterThanOrEqual(3);
      expect(new Set(plan.phases.map((phase) => phase.kind))).toContain('participation');
      for (const phase of plan.phases) {
        expect(phase.formats.length, phase.title).toBeGreaterThanOrEqual(2);
        expect(Object.keys(phase.responsibilities).length, phase.title).toBeGreaterThan(0);
        expect(phase.staffDays, phase.title).toBeGreaterThan(0);
        for (const format of phase.formats) {
          expect(format.method, format.title).not.toBe('');
          expect(format.targetStakeholderIds.length, format.title).toBeGreaterThan(0);
        }
      }
    });

    it("links formats only to methods of the library's seed", () => {
      const plan = parsePlanJSON(template.plan);
      const seeded = new Set(SEED_METHODS.map((method) => method.id));
      const linked = plan.phases.flatMap((p) => p.formats.flatMap((f) => f.methodId ?? []));
      expect(linked.length).toBeGreaterThan(0);
      for (const id of linked) expect(seeded, id).toContain(id);
    });

    it('carries no personal data and no dates: the anonymiser leaves it as it is', () => {
      const plan = parsePlanJSON(template.plan);
      expect(anonymisePlan(plan, plan.meta.createdAt)).toEqual(plan);
    });

    it('has a title and a description in German and English', () => {
      for (const text of [template.title, template.summary]) {
        expect(text.de.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.en).not.toBe(text.de);
      }
    });
  });
});
