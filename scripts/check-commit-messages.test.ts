import { describe, expect, it } from 'vitest';
import { messageProblems } from './check-commit-messages.mjs';

describe('messageProblems', () => {
  it('accepts an imperative subject, a blank line and a body', () => {
    expect(messageProblems('Keep the log in causal order\n\nWhy: loading took 8 s.\n')).toEqual([]);
    expect(messageProblems('storage: Keep the log in causal order\n\nWhy.')).toEqual([]);
    expect(messageProblems('Process imports row by row\n\nWhy.')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(messageProblems(`Fix ${'x'.repeat(80)}\n\nWhy.`)).toEqual([
      'the subject has 84 characters (at most 72)',
    ]);
    expect(messageProblems('Added a thing\n\nWhy.')).toEqual([
      'the subject should be in the imperative ("Added" is not)',
    ]);
    expect(messageProblems('Fixes a thing\n\nWhy.')).toHaveLength(1);
    expect(messageProblems('fix a thing.\nbody')).toEqual([
      'the subject ends with a period',
      'the subject should start with a capitalised imperative verb, not "fix"',
      'the second line must be blank',
    ]);
    expect(messageProblems('Fix a thing\n')).toEqual([
      'a body saying why (and what was measured) is missing',
    ]);
  });

  it('ignores the comment lines git strips', () => {
    expect(messageProblems('Fix a thing\n\nWhy.\n# Please enter the commit message\n')).toEqual([]);
  });
});
