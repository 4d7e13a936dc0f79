import { describe, expect, it } from 'vitest';
import { isOverdue, selectableStates, stateRefusal } from './answer-states.js';

describe('selectableStates', () => {
  it('offers "answered" only once there is a decision', () => {
    expect(selectableStates('new', false)).toEqual(['new', 'in_review']);
    expect(selectableStates('in_review', true)).toEqual(['new', 'in_review', 'answered']);
  });
  it('keeps a released item where it is but never offers the release states otherwise', () => {
    expect(selectableStates('approved', true)).toEqual([
      'new',
      'in_review',
      'answered',
      'approved',
    ]);
    expect(selectableStates('answered', true)).not.toContain('approved');
    expect(selectableStates('answered', true)).not.toContain('published');
  });
});

describe('stateRefusal', () => {
  it('allows moving back and forth between new and in review', () => {
    expect(stateRefusal('new', 'in_review', false)).toBeNull();
    expect(stateRefusal('in_review', 'new', false)).toBeNull();
    expect(stateRefusal('approved', 'in_review', true)).toBeNull();
  });
  it('refuses "answered" without a decision and the release states by hand', () => {
    expect(stateRefusal('in_review', 'answered', false)).toBe('needs_decision');
    expect(stateRefusal('in_review', 'answered', true)).toBeNull();
    expect(stateRefusal('answered', 'approved', true)).toBe('release_only');
    expect(stateRefusal('answered', 'published', true)).toBe('release_only');
  });
  it('lets an item stay in the state it has', () => {
    expect(stateRefusal('published', 'published', true)).toBeNull();
  });
});

describe('isOverdue', () => {
  it('marks undecided items whose due date has passed', () => {
    expect(isOverdue('2026-12-06', false, '2026-12-07')).toBe(true);
    expect(isOverdue('2026-12-07', false, '2026-12-07')).toBe(false);
    expect(isOverdue('2026-12-06', true, '2026-12-07')).toBe(false);
    expect(isOverdue(null, false, '2026-12-07')).toBe(false);
  });
});
