import { describe, expect, it } from 'vitest';
import { checkGuidelines } from './check.js';
import { readStoredGuidelineCheck, storeGuidelineCheck } from './stored-check.js';
import { completePlan, emptyPlan } from './test-plans.js';

describe('stored guideline check', () => {
  it('reads back what it stored, for an incomplete and a complete plan', () => {
    const marked = emptyPlan();
    marked.guidelineNotApplicable = { evaluation: 'Kleines Vorhaben' };
    for (const plan of [marked, completePlan()]) {
      const check = checkGuidelines(plan);
      expect(readStoredGuidelineCheck(storeGuidelineCheck(check))).toEqual(check);
    }
    const read = readStoredGuidelineCheck(storeGuidelineCheck(checkGuidelines(marked)));
    expect(read?.notApplicable).toBe(1);
    expect(read?.items.find((i) => i.id === 'evaluation')).toMatchObject({
      status: 'not-applicable',
      reason: 'Kleines Vorhaben',
    });
  });

  it('refuses what is not a stored check', () => {
    const good = JSON.parse(storeGuidelineCheck(checkGuidelines(emptyPlan()))) as {
      items: Array<Record<string, unknown>>;
      complete: number;
    };
    const variants: unknown[] = [
      { ...good, items: [{ ...good.items[0], id: 'no-such-item' }] },
      { ...good, items: [{ ...good.items[0], status: 'maybe' }] },
      { ...good, items: [{ ...good.items[0], gaps: [] }] },
      { ...good, items: [{ id: 'goal', status: 'not-applicable', target: { kind: 'phases' } }] },
      { ...good, complete: '0' },
      { items: 'none' },
      [],
      null,
    ];
    for (const variant of variants) {
      expect(readStoredGuidelineCheck(JSON.stringify(variant))).toBeNull();
    }
    expect(readStoredGuidelineCheck('{not json')).toBeNull();
    expect(readStoredGuidelineCheck(JSON.stringify(good))).not.toBeNull();
  });
});
