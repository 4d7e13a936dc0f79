import {
  accountabilityIssue,
  type PhaseJSON,
  type PlanJSON,
  type StakeholderJSON,
} from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import { checkGuidelines, type GuidelineItemResult } from './check.js';
import { GUIDELINE_ITEMS, type GuidelineItemId } from './items.js';
import { completePlan, emptyPlan } from './test-plans.js';

/** A phase id for a phase added to a test plan by hand. */
const phaseId = (id: string) => id as PhaseJSON['id'];
/** A stakeholder id, likewise. */
const stakeholderId = (id: string) => id as StakeholderJSON['id'];

/** The result of one item. */
function item(plan: PlanJSON, id: GuidelineItemId): GuidelineItemResult {
  const found = checkGuidelines(plan).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** The gaps of an item (empty when it is not incomplete). */
function gaps(plan: PlanJSON, id: GuidelineItemId) {
  const result = item(plan, id);
  return result.status === 'incomplete' ? result.gaps.map((g) => g.gap) : [];
}

/** A copy of the complete plan changed by `change`. */
function completeBut(change: (plan: PlanJSON) => void): PlanJSON {
  const plan = structuredClone(completePlan());
  change(plan);
  return plan;
}

const BLANK = { attrs: {}, delta: [] };
/** A paragraph of white space in the editor's structure. */
const WHITESPACE = {
  attrs: {},
  delta: [
    {
      insert: {
        type: 'xmlText' as const,
        attrs: { __type: 'paragraph' },
        delta: [
          { insert: { type: 'map' as const, entries: { __type: 'text' } } },
          { insert: ' \u00A0 ' },
        ],
      },
    },
  ],
};

describe('checkGuidelines', () => {
  it('lists the eleven items in order, each with a status and a target', () => {
    const check = checkGuidelines(emptyPlan());
    expect(check.items.map((i) => i.id)).toEqual([...GUIDELINE_ITEMS]);
    expect(GUIDELINE_ITEMS).toHaveLength(11);
  });

  it('an empty plan fulfils nothing', () => {
    const check = checkGuidelines(emptyPlan());
    expect(check.items.every((i) => i.status === 'incomplete')).toBe(true);
    expect([check.complete, check.applicable, check.notApplicable]).toEqual([0, 11, 0]);
  });

  it('a complete plan fulfils everything and links each item to its home', () => {
    const check = checkGuidelines(completePlan());
    expect(check.items.filter((i) => i.status !== 'complete')).toEqual([]);
    expect([check.complete, check.applicable]).toEqual([11, 11]);
    expect(check.items.find((i) => i.id === 'scope')!.target).toEqual({
      kind: 'overview',
      field: 'scopeOfInfluence',
    });
    expect(check.items.find((i) => i.id === 'stakeholders')!.target).toEqual({
      kind: 'stakeholders',
    });
    expect(check.items.find((i) => i.id === 'timeline')!.target).toEqual({ kind: 'phases' });
  });

  describe.each([
    ['goal', 'goals'],
    ['hard-to-reach', 'hardToReachGroups'],
    ['results-handling', 'resultsHandling'],
    ['feedback', 'participantFeedback'],
    ['evaluation', 'evaluation'],
  ] as const)('%s: the overview text %s', (id, field) => {
    it('is incomplete when empty, naming the field and linking to it', () => {
      const plan = completeBut((p) => (p.overview[field] = BLANK));
      const result = item(plan, id);
      expect(result.status).toBe('incomplete');
      expect(gaps(plan, id)).toEqual([{ kind: 'empty-field', field }]);
      expect(result.target).toEqual({ kind: 'overview', field });
    });

    it('is incomplete when only white space', () => {
      expect(
        item(
          completeBut((p) => (p.overview[field] = WHITESPACE)),
          id,
        ).status,
      ).toBe('incomplete');
    });

    it('depends on no other field', () => {
      const others = completeBut((p) => {
        for (const key of Object.keys(p.overview) as Array<keyof typeof p.overview>) {
          if (key !== field) p.overview[key] = BLANK;
        }
        p.stakeholders = [];
        p.phases = [];
      });
      expect(item(others, id).status).toBe('complete');
    });
  });

  describe('scope', () => {
    it('needs what is open (scope of influence) and what is fixed (constraints)', () => {
      const neither = completeBut((p) => {
        p.overview.scopeOfInfluence = BLANK;
        p.overview.constraints = WHITESPACE;
      });
      expect(gaps(neither, 'scope')).toEqual([
        { kind: 'empty-field', field: 'scopeOfInfluence' },
        { kind: 'empty-field', field: 'constraints' },
      ]);
      expect(item(neither, 'scope').target).toEqual({
        kind: 'overview',
        field: 'scopeOfInfluence',
      });
      const noConstraints = completeBut((p) => (p.overview.constraints = BLANK));
      expect(gaps(noConstraints, 'scope')).toEqual([{ kind: 'empty-field', field: 'constraints' }]);
      expect(item(noConstraints, 'scope').target).toEqual({
        kind: 'overview',
        field: 'constraints',
      });
    });
  });

  describe('stakeholders', () => {
    it('needs one stakeholder with a name', () => {
      expect(
        gaps(
          completeBut((p) => (p.stakeholders = [])),
          'stakeholders',
        ),
      ).toEqual([{ kind: 'no-stakeholders' }]);
      const unnamed = completeBut((p) => (p.stakeholders[0]!.name = '  '));
      expect(item(unnamed, 'stakeholders')).toMatchObject({
        status: 'incomplete',
        target: { kind: 'stakeholders' },
      });
    });
  });

  describe('formats-per-phase', () => {
    it('names each participation phase without a format, linking to its formats', () => {
      const plan = completeBut((p) => {
        const workshop = p.phases[1]!;
        workshop.formats = [];
        p.phases.push({
          ...structuredClone(workshop),
          id: phaseId('ph-walk'),
          title: 'Spaziergang',
        });
      });
      const workshop = plan.phases[1]!;
      expect(gaps(plan, 'formats-per-phase')).toEqual([
        { kind: 'phase-without-formats', phase: { id: workshop.id, title: 'Werkstatt' } },
        { kind: 'phase-without-formats', phase: { id: phaseId('ph-walk'), title: 'Spaziergang' } },
      ]);
      expect(item(plan, 'formats-per-phase').target).toEqual({
        kind: 'phase',
        phaseId: workshop.id,
        field: 'formats',
      });
    });

    it('asks nothing of planning and decision phases', () => {
      const plan = completeBut((p) =>
        p.phases.push({ ...p.phases[0]!, id: phaseId('x'), kind: 'decision' }),
      );
      expect(plan.phases[0]!.formats).toEqual([]);
      expect(item(plan, 'formats-per-phase').status).toBe('complete');
    });

    it('needs a participation phase at all, and phases at all', () => {
      const noParticipation = completeBut((p) => (p.phases = [p.phases[0]!]));
      expect(gaps(noParticipation, 'formats-per-phase')).toEqual([
        { kind: 'no-participation-phase' },
      ]);
      expect(item(noParticipation, 'formats-per-phase').target).toEqual({
        kind: 'phase',
        phaseId: noParticipation.phases[0]!.id,
        field: 'kind',
      });
      const none = completeBut((p) => (p.phases = []));
      expect(gaps(none, 'formats-per-phase')).toEqual([{ kind: 'no-phases' }]);
      expect(item(none, 'formats-per-phase').target).toEqual({ kind: 'phases' });
    });
  });

  describe('timeline', () => {
    it('needs phases, each with start and end, naming what is missing', () => {
      expect(
        gaps(
          completeBut((p) => (p.phases = [])),
          'timeline',
        ),
      ).toEqual([{ kind: 'no-phases' }]);
      const plan = completeBut((p) => {
        p.phases[0]!.end = null;
        p.phases[1]!.start = null;
        p.phases[1]!.end = null;
      });
      const [a, b] = plan.phases.map((ph) => ({ id: ph.id, title: ph.title }));
      expect(gaps(plan, 'timeline')).toEqual([
        { kind: 'phase-without-dates', phase: a, fields: ['end'] },
        { kind: 'phase-without-dates', phase: b, fields: ['start', 'end'] },
      ]);
      expect(item(plan, 'timeline').target).toEqual({
        kind: 'phase',
        phaseId: a!.id,
        field: 'end',
      });
    });
  });

  describe('resources', () => {
    it('needs staff days and budget planned for every phase; 0 counts as planned', () => {
      expect(completePlan().phases[0]!.budgetEuros).toBe(0);
      const plan = completeBut((p) => {
        p.phases[1]!.budgetEuros = null;
        p.phases[1]!.staffDays = null;
        p.phases[1]!.rooms = 3;
      });
      expect(gaps(plan, 'resources')).toEqual([
        {
          kind: 'phase-without-resources',
          phase: { id: plan.phases[1]!.id, title: 'Werkstatt' },
          fields: ['staffDays', 'budgetEuros'],
        },
      ]);
      expect(item(plan, 'resources').target).toMatchObject({ field: 'staffDays' });
      expect(
        gaps(
          completeBut((p) => (p.phases = [])),
          'resources',
        ),
      ).toEqual([{ kind: 'no-phases' }]);
    });
  });

  describe('responsibilities', () => {
    it('needs exactly one accountable stakeholder (A) in every phase', () => {
      const plan = completeBut((p) => {
        const first = p.stakeholders[0]!.id;
        p.stakeholders.push({ ...p.stakeholders[0]!, id: stakeholderId('sh-2'), name: 'BVV' });
        p.phases[0]!.responsibilities = { [first]: 'R', 'sh-2': 'C' };
        p.phases[1]!.responsibilities = { [first]: 'A', 'sh-2': 'A' };
      });
      const [a, b] = plan.phases.map((ph) => ({ id: ph.id, title: ph.title }));
      expect(gaps(plan, 'responsibilities')).toEqual([
        { kind: 'phase-accountability', phase: a, issue: 'no_accountable' },
        { kind: 'phase-accountability', phase: b, issue: 'several_accountable' },
      ]);
      expect(item(plan, 'responsibilities').target).toEqual({
        kind: 'phase',
        phaseId: a!.id,
        field: 'responsibilities',
      });
    });

    it('counts no letter of a stakeholder the plan does not have', () => {
      const plan = completeBut((p) => {
        p.phases[0]!.responsibilities = { gone: 'A' };
      });
      expect(gaps(plan, 'responsibilities')).toHaveLength(1);
    });

    it("agrees with plan-model's accountabilityIssue, which the board's RACI matrix shows", () => {
      const ids = ['s1', 's2', 's3'];
      const letters = ['R', 'A', 'C', 'I', null] as const;
      for (const x of letters) {
        for (const y of letters) {
          for (const z of letters) {
            const responsibilities: Record<string, 'R' | 'A' | 'C' | 'I'> = {};
            [x, y, z].forEach((letter, i) => {
              if (letter) responsibilities[ids[i]!] = letter;
            });
            const plan = completeBut((p) => {
              p.stakeholders = ids.map((id) => ({ ...p.stakeholders[0]!, id: stakeholderId(id) }));
              p.phases = [{ ...p.phases[0]!, responsibilities }];
            });
            const issue = accountabilityIssue(responsibilities);
            expect(gaps(plan, 'responsibilities')).toEqual(
              issue === null
                ? []
                : [{ kind: 'phase-accountability', phase: expect.anything(), issue }],
            );
          }
        }
      }
    });
  });

  describe('not applicable', () => {
    it('replaces the rule, keeps the reason and leaves the item out of the count', () => {
      const plan = emptyPlan();
      plan.guidelineNotApplicable = { evaluation: 'Kleines Vorhaben, keine Evaluation vorgesehen' };
      const check = checkGuidelines(plan);
      expect(item(plan, 'evaluation')).toEqual({
        id: 'evaluation',
        status: 'not-applicable',
        reason: 'Kleines Vorhaben, keine Evaluation vorgesehen',
        target: { kind: 'overview', field: 'evaluation' },
      });
      expect([check.complete, check.applicable, check.notApplicable]).toEqual([0, 10, 1]);
    });

    it('applies to a complete item too (the planners decided), and unknown ids are ignored', () => {
      const plan = completeBut((p) => {
        p.guidelineNotApplicable = { goal: 'Vorgegeben', 'old-item': 'x' };
      });
      const check = checkGuidelines(plan);
      expect(item(plan, 'goal').status).toBe('not-applicable');
      expect([check.complete, check.applicable, check.notApplicable]).toEqual([10, 10, 1]);
    });

    it('a blank reason is no mark', () => {
      const plan = emptyPlan();
      plan.guidelineNotApplicable = { evaluation: '   ' };
      expect(item(plan, 'evaluation').status).toBe('incomplete');
    });
  });
});
