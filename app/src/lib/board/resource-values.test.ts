import { describe, expect, it } from 'vitest';
import { PHASE_RESOURCE_LIMITS } from '@prozesswerkstatt/plan-model';
import { formatResource, readResourceInput } from './resource-values';

describe('readResourceInput', () => {
  it('reads numbers, and an empty field as not planned', () => {
    expect(readResourceInput('budgetEuros', '1234.5', false)).toEqual({ value: 1234.5 });
    expect(readResourceInput('staffDays', '0', false)).toEqual({ value: 0 });
    expect(readResourceInput('rooms', '3', false)).toEqual({ value: 3 });
    expect(readResourceInput('staffDays', '', false)).toEqual({ value: null });
    expect(readResourceInput('staffDays', '  ', false)).toEqual({ value: null });
  });

  it('refuses what the browser could not read as a number, though its value is empty', () => {
    expect(readResourceInput('staffDays', '', true)).toEqual({ problem: 'not_a_number' });
    expect(readResourceInput('staffDays', 'zwölf', false)).toEqual({ problem: 'not_a_number' });
    expect(readResourceInput('staffDays', 'Infinity', false)).toEqual({ problem: 'not_a_number' });
  });

  it('refuses negative, too large and (for counts) broken numbers', () => {
    expect(readResourceInput('budgetEuros', '-50', false)).toEqual({ problem: 'negative' });
    const max = PHASE_RESOURCE_LIMITS.budgetEuros.max;
    expect(readResourceInput('budgetEuros', String(max), false)).toEqual({ value: max });
    expect(readResourceInput('budgetEuros', String(max + 0.01), false)).toEqual({
      problem: 'too_large',
    });
    expect(readResourceInput('rooms', '1.5', false)).toEqual({ problem: 'not_whole' });
    expect(readResourceInput('translationHours', '1.5', false)).toEqual({ value: 1.5 });
  });
});

describe('formatResource', () => {
  it('shows euros as currency and other numbers with grouping, per locale', () => {
    expect(formatResource('budgetEuros', 1234.5, 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatResource('budgetEuros', 1234.5, 'en-GB')).toBe('€1,234.50');
    expect(formatResource('staffDays', 1234.5, 'de-DE')).toBe('1.234,5');
    expect(formatResource('staffDays', 2.125, 'en-GB')).toBe('2.13');
    expect(formatResource('rooms', 3, 'de-DE')).toBe('3');
  });
});
