import {
  checkGuidelines,
  GUIDELINE_RULES_VERSION,
  storeGuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import { addStakeholder, initPlan, planToJSON, type PlanJSON } from '@prozesswerkstatt/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { versionGuidelineCheck } from './version-guideline-check.js';

function plan(stakeholder?: string): PlanJSON {
  const doc = new Y.Doc();
  initPlan(doc, { title: 'Spielplatz' });
  if (stakeholder) addStakeholder(doc, { name: stakeholder });
  return planToJSON(doc);
}

describe('versionGuidelineCheck', () => {
  it('shows the stored check, even where today’s rules would say otherwise', () => {
    // Stored when the version was taken with a named stakeholder; the snapshot given now has none,
    // standing in for rules that judge the same snapshot differently today.
    const stored = checkGuidelines(plan('Kiezrat'));
    const result = versionGuidelineCheck(
      { guideline_check: storeGuidelineCheck(stored), guideline_rules_version: 1 },
      plan(),
    );
    expect(result).toEqual({ check: stored, rulesVersion: 1, recomputed: false });
    expect(result.check.items.find((i) => i.id === 'stakeholders')?.status).toBe('complete');
  });

  it('checks an old version without a stored check with today’s rules, and says so', () => {
    const snapshot = plan('Kiezrat');
    expect(
      versionGuidelineCheck({ guideline_check: null, guideline_rules_version: null }, snapshot),
    ).toEqual({ check: checkGuidelines(snapshot), rulesVersion: null, recomputed: true });
  });

  it('recomputes rather than show a stored check it cannot read', () => {
    const snapshot = plan();
    for (const version of [
      { guideline_check: '{"items":"broken"}', guideline_rules_version: GUIDELINE_RULES_VERSION },
      {
        guideline_check: storeGuidelineCheck(checkGuidelines(snapshot)),
        guideline_rules_version: null,
      },
    ]) {
      expect(versionGuidelineCheck(version, snapshot).recomputed).toBe(true);
    }
  });
});
