import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateMeta } from '../records/meta.js';
import { listFormats, updateFormat } from '../records/format.js';
import { setGuidelineNotApplicable } from '../records/guideline-marks.js';
import { listPhases, updatePhase } from '../records/phase.js';
import { setResponsibility } from '../records/responsibilities.js';
import { listResults } from '../records/result.js';
import { listStakeholders, updateStakeholder } from '../records/stakeholder.js';
import { writePlainParagraphs } from '../richtext/plain.js';
import { seedSamplePlan } from '../sample-plan.js';
import { anonymisePlan } from './anonymise.js';
import { planToJSON } from './export.js';
import { parsePlanJSON, planFromJSON } from './import.js';

/** Written into every personal field; must appear nowhere in a template. */
const MARKER = 'PERSONAL-7f3a';
const NOW = '2026-12-07T06:00:00.000Z';

/** The sample plan with every personal field holding the marker. */
function planWithPersonalData(): Y.Doc {
  const doc = new Y.Doc();
  seedSamplePlan(doc);
  updateMeta(doc, { facilitator: `${MARKER} facilitator`, status: 'approved' });
  for (const stakeholder of listStakeholders(doc)) {
    updateStakeholder(doc, stakeholder.id, { contactRole: `${MARKER} contact` });
    writePlainParagraphs(stakeholder.notes, [`${MARKER} note about a person`]);
  }
  for (const format of listFormats(doc)) {
    updateFormat(doc, format.id, { responsible: `${MARKER} responsible` });
  }
  for (const result of listResults(doc))
    writePlainParagraphs(result.feedback, [`${MARKER} result`]);
  return doc;
}

describe('anonymisePlan', () => {
  it('leaves no personal field of the plan in the template', () => {
    const source = planToJSON(planWithPersonalData());
    // The marker is really in every personal field of the source.
    const sourceText = JSON.stringify(source);
    for (const field of ['facilitator', 'contact', 'note about', 'responsible', 'result']) {
      expect(sourceText).toContain(`${MARKER} ${field}`);
    }
    const template = anonymisePlan(source, NOW);
    expect(JSON.stringify(template)).not.toContain(MARKER);
    expect(template.results).toEqual([]);
    expect(template.meta).toMatchObject({
      facilitator: '',
      requestingUnit: '',
      status: 'draft',
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('keeps the shape of the process: overview, stakeholder names, phases, formats, methods', () => {
    const source = planToJSON(planWithPersonalData());
    const template = anonymisePlan(source, NOW);
    expect(template.overview).toEqual(source.overview);
    expect(template.meta.title).toBe(source.meta.title);
    expect(template.stakeholders.map((s) => [s.id, s.name, s.group, s.power, s.interest])).toEqual(
      source.stakeholders.map((s) => [s.id, s.name, s.group, s.power, s.interest]),
    );
    const formats = (plan: typeof source) =>
      plan.phases.flatMap((p) =>
        p.formats.map((f) => [p.title, f.title, f.method, f.mode, f.targetStakeholderIds]),
      );
    expect(formats(template)).toEqual(formats(source));
    expect(template.phases.map((p) => p.goal)).toEqual(source.phases.map((p) => p.goal));
  });

  it("clears last year's dates: phase start and end, format date and time", () => {
    const source = planToJSON(planWithPersonalData());
    expect(source.phases[0]?.start).not.toBeNull();
    expect(source.phases[0]?.formats[0]?.dateTime).not.toBeNull();
    const template = anonymisePlan(source, NOW);
    for (const phase of template.phases) {
      expect([phase.start, phase.end]).toEqual([null, null]);
      for (const format of phase.formats) expect(format.dateTime).toBeNull();
    }
    // The planned duration is how long a format takes, not when: kept.
    expect(template.phases[0]?.formats[0]?.durationMinutes).toBe(120);
  });

  it('gives a valid plan that imports through planFromJSON', () => {
    const template = anonymisePlan(planToJSON(planWithPersonalData()), NOW);
    expect(parsePlanJSON(JSON.parse(JSON.stringify(template)))).toEqual(template);
    const doc = new Y.Doc();
    planFromJSON(doc, template);
    expect(listPhases(doc).map((phase) => phase.title)).toEqual(['Auftakt', 'Werkstatt']);
    expect(listResults(doc)).toEqual([]);
  });

  it('does not change the plan it is given', () => {
    const source = planToJSON(planWithPersonalData());
    const before = JSON.stringify(source);
    anonymisePlan(source, NOW);
    expect(JSON.stringify(source)).toBe(before);
  });

  it('leaves no contribution of an older file that held them inline', () => {
    const current = planToJSON(planWithPersonalData());
    const old = {
      ...current,
      schemaVersion: 3,
      results: current.results.map((result) => ({
        ...result,
        contributions: [
          {
            id: 'c1',
            text: `${MARKER} contribution`,
            response: 'adopted',
            reason: `${MARKER} reason`,
          },
        ],
      })),
    };
    const template = anonymisePlan(parsePlanJSON(old), NOW);
    expect(JSON.stringify(template)).not.toContain(MARKER);
  });

  it('keeps what schema 5 added: kinds, resources, responsibilities, method links, marks', () => {
    const doc = planWithPersonalData();
    const [phase] = listPhases(doc);
    const [stakeholder] = listStakeholders(doc);
    const [format] = listFormats(doc);
    updatePhase(doc, phase!.id, { kind: 'decision', staffDays: 4, budgetEuros: 1200 });
    updateFormat(doc, format!.id, { methodId: 'world-cafe' });
    setResponsibility(doc, { kind: 'phase', id: phase!.id }, stakeholder!.id, 'A');
    setResponsibility(doc, { kind: 'format', id: format!.id }, stakeholder!.id, 'R');
    setGuidelineNotApplicable(doc, 'budget', 'Keine Kosten');
    const template = anonymisePlan(planToJSON(doc), NOW);
    expect(template.phases[0]).toMatchObject({ kind: 'decision', staffDays: 4, budgetEuros: 1200 });
    expect(template.phases[0]?.responsibilities).toEqual({ [stakeholder!.id]: 'A' });
    expect(template.phases[0]?.formats[0]).toMatchObject({
      methodId: 'world-cafe',
      responsibilities: { [stakeholder!.id]: 'R' },
    });
    expect(template.guidelineNotApplicable).toEqual({ budget: 'Keine Kosten' });
    expect(JSON.stringify(template)).not.toContain(MARKER);
  });
});
