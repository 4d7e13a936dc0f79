import { describe, expect, it } from 'vitest';
import { accountabilityIssue, accountableIds } from './accountability.js';

describe('accountabilityIssue', () => {
  it('asks for an A where nobody holds one, letters or not', () => {
    expect(accountabilityIssue({})).toBe('no_accountable');
    expect(accountabilityIssue({ s1: 'R', s2: 'C', s3: 'I' })).toBe('no_accountable');
  });

  it('is satisfied by exactly one A beside any other letters', () => {
    expect(accountabilityIssue({ s1: 'A' })).toBeNull();
    expect(accountabilityIssue({ s1: 'R', s2: 'A', s3: 'R', s4: 'I' })).toBeNull();
  });

  it('flags more than one A', () => {
    expect(accountabilityIssue({ s1: 'A', s2: 'R', s3: 'A' })).toBe('several_accountable');
    expect(accountableIds({ s1: 'A', s2: 'R', s3: 'A' })).toEqual(['s1', 's3']);
  });
});
