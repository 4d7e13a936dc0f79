import { describe, expect, it } from 'vitest';
import { resourceTotals, type PhaseResources } from './resource-totals.js';

const none: PhaseResources = {
  staffDays: null,
  budgetEuros: null,
  rooms: null,
  platforms: null,
  translationHours: null,
};

describe('resourceTotals', () => {
  it('sums only planned values and counts the phases that plan nothing', () => {
    const totals = resourceTotals([
      { ...none, staffDays: 2.5, budgetEuros: 1234.5, rooms: 0 },
      { ...none, staffDays: 4, budgetEuros: null, rooms: 3 },
      { ...none },
    ]);
    expect(totals.staffDays).toEqual({ sum: 6.5, planned: 2, unplanned: 1 });
    expect(totals.budgetEuros).toEqual({ sum: 1234.5, planned: 1, unplanned: 2 });
    // A planned 0 is planned: "no room needed" differs from "not thought about".
    expect(totals.rooms).toEqual({ sum: 3, planned: 2, unplanned: 1 });
    expect(totals.platforms).toEqual({ sum: 0, planned: 0, unplanned: 3 });
    expect(totals.translationHours).toEqual({ sum: 0, planned: 0, unplanned: 3 });
  });

  it('adds amounts with cents as written', () => {
    const totals = resourceTotals([
      { ...none, budgetEuros: 0.1 },
      { ...none, budgetEuros: 0.2 },
      { ...none, budgetEuros: 1000.15 },
    ]);
    expect(totals.budgetEuros.sum).toBe(1000.45);
  });

  it('has a total for every field of a plan without phases', () => {
    const totals = resourceTotals([]);
    expect(Object.keys(totals)).toEqual([
      'staffDays',
      'budgetEuros',
      'rooms',
      'platforms',
      'translationHours',
    ]);
    expect(totals.budgetEuros).toEqual({ sum: 0, planned: 0, unplanned: 0 });
  });
});
