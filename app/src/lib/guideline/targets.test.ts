import { describe, expect, it } from 'vitest';
import { targetElementIds } from './targets';

describe('targetElementIds', () => {
  it('names the board elements that fill a target in, best first', () => {
    expect(targetElementIds({ kind: 'overview', field: 'scopeOfInfluence' })).toEqual([
      'rt-overview-scopeOfInfluence',
    ]);
    expect(targetElementIds({ kind: 'stakeholders' })).toEqual(['stakeholders-heading']);
    expect(targetElementIds({ kind: 'phases' })).toEqual(['phases-heading']);
    expect(targetElementIds({ kind: 'phase', phaseId: 'p1', field: 'end' })).toEqual([
      'ph-p1-end',
      'ph-p1-title',
    ]);
    expect(targetElementIds({ kind: 'phase', phaseId: 'p1', field: 'formats' })).toEqual([
      'ph-p1-add-format',
      'ph-p1-title',
    ]);
    expect(targetElementIds({ kind: 'phase', phaseId: 'p1', field: 'budgetEuros' })).toEqual([
      'ph-p1-budgetEuros',
      'ph-p1-title',
    ]);
    expect(targetElementIds({ kind: 'phase', phaseId: 'p1', field: 'responsibilities' })).toEqual([
      'raci-heading',
      'ph-p1-title',
    ]);
    expect(targetElementIds({ kind: 'phase', phaseId: 'p1', field: 'title' })).toEqual([
      'ph-p1-title',
    ]);
  });
});
