import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import { LABELS, samplePlan } from '../test-fixtures.js';
import type { OutlineBlock, Section } from './outline.js';
import { planOutline } from './plan-outline.js';

/** Every section of an outline, nested ones included, in document order. */
function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [
    s,
    ...allSections(s.content.flatMap((b) => (b.kind === 'section' ? [b.section] : []))),
  ]);
}

/** Everything an outline would show, as one string (structure included, so order counts). */
function shown(sections: readonly Section[]): string {
  return JSON.stringify(sections);
}

/**
 * Every leaf of the plan's JSON by path. A rich-text field (`{ delta }`) is one leaf: its inner
 * keys are the editor's structure, not fields.
 */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object' && !('delta' in value)) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [path];
}

/** A copy of `plan` with the leaf at `path` changed to another value of its kind. */
function changed(plan: PlanJSON, path: readonly (string | number)[]): PlanJSON {
  const copy = structuredClone(plan) as unknown as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const old = parent[last];
  parent[last] =
    typeof old === 'number'
      ? old + 1
      : typeof old === 'boolean'
        ? !old
        : typeof old === 'string'
          ? // A date or date-time stays one, so the labels can still word it.
            /^\d{4}-\d{2}-\d{2}/.test(old)
            ? old.replace(/^\d{4}/, '1999')
            : `${old}✱`
          : old === null
            ? '2027-01-01'
            : { delta: [{ insert: 'geänderter Text' }] };
  return copy as unknown as PlanJSON;
}

/**
 * Leaves that are identities, not content: they never show in a document. A format's method is
 * shown by its name (`method`); the library entry's id means nothing to a reader.
 */
const NOT_SHOWN = /(^|\.)(id|schemaVersion|methodId)$/;

describe('planOutline', () => {
  const plan = samplePlan();

  it('orders the parts: title with facts, overview, stakeholders, phases, results, check', () => {
    const sections = planOutline(plan, LABELS);
    expect(sections.map((s) => [s.kind, s.level])).toEqual([
      ['plan', 1],
      ['overview', 2],
      ['stakeholders', 2],
      ['phases', 2],
      ['results', 2],
      ['guideline-check', 2],
    ]);
    const without = planOutline(plan, LABELS, { withoutGuidelineCheck: true });
    expect(without.map((s) => s.kind)).not.toContain('guideline-check');
    expect(sections[0]!.heading).toBe('Spielplatz Körnerpark');
  });

  it('adds the version, the approval record with the hash and the open threads when given', () => {
    const sections = planOutline(plan, LABELS, {
      version: {
        label: 'Fassung 1',
        note: '',
        createdAt: '2026-11-21T10:00:00.000Z',
        authorName: 'Ada',
        sha256: 'ab'.repeat(32),
        status: 'approved',
      },
      approvals: [],
      openThreads: [
        {
          anchorLabel: 'Ziele',
          status: 'open',
          comments: [{ authorName: 'Bob', body: 'Hm', at: '2026-11-23T10:00:00Z' }],
        },
      ],
    });
    expect(sections.map((s) => s.kind)).toEqual([
      'plan',
      'version',
      'overview',
      'stakeholders',
      'phases',
      'results',
      'guideline-check',
      'approvals',
      'threads',
    ]);
    const approvals = sections.find((s) => s.kind === 'approvals')!;
    expect(approvals.content.at(-1)).toEqual({
      kind: 'facts',
      facts: [{ label: 'SHA-256', value: 'ab'.repeat(32), code: true }],
    });
    // A version's facts leave out the plan status, which predates the version.
    const facts = sections[0]!.content[0] as Extract<OutlineBlock, { kind: 'facts' }>;
    expect(facts.facts.map((f) => f.label)).not.toContain(LABELS.status);
  });

  it('nests phases, their goal and formats below the phases heading, one level each', () => {
    const all = allSections(planOutline(plan, LABELS));
    const phase = all.find((s) => s.kind === 'phase')!;
    expect(phase).toMatchObject({ level: 3, number: 1, heading: 'Workshop' });
    expect(
      all.filter((s) => s.key.startsWith(`${phase.key}-`)).map((s) => [s.kind, s.level]),
    ).toEqual([
      ['field', 4],
      ['formats', 4],
      ['format', 5],
      ['field', 4],
    ]);
  });

  it('gives every section a unique key fit for an HTML id', () => {
    const keys = allSections(planOutline(plan, LABELS)).map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+$/);
  });

  it('shows every field of the plan: changing any one changes the outline', () => {
    // The guard for a new field: add it to plan-model and the sample plan carries it; until
    // the outline shows it, this test names its path. Identities are the only exception.
    const before = shown(planOutline(plan, LABELS));
    const paths = leaves(plan).filter((path) => !NOT_SHOWN.test(path.join('.')));
    expect(paths.length).toBeGreaterThan(40);
    const unseen = paths
      .filter((path) => shown(planOutline(changed(plan, path), LABELS)) === before)
      .map((path) => path.join('.'));
    expect(unseen).toEqual([]);
  });
});
