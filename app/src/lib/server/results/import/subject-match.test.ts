import { describe, expect, it } from 'vitest';
import type { ResultSubject } from '../result-subjects.js';
import { subjectMatcher } from './subject-match.js';

const SUBJECTS: ResultSubject[] = [
  { id: 'p1', kind: 'phase', title: 'Auftakt', phaseTitle: 'Auftakt' },
  { id: 'f1', kind: 'format', title: 'Online-Dialog', phaseTitle: 'Auftakt' },
  { id: 'p2', kind: 'phase', title: 'Werkstatt', phaseTitle: 'Werkstatt' },
  { id: 'f2', kind: 'format', title: 'Online-Dialog', phaseTitle: 'Werkstatt' },
];

describe('subjectMatcher', () => {
  const match = subjectMatcher(SUBJECTS, 'p2');

  it('matches an id, or a title regardless of case and spacing (first in plan order)', () => {
    expect(match('f2')).toEqual({ subjectId: 'f2', unmatched: false });
    expect(match('  online-DIALOG ')).toEqual({ subjectId: 'f1', unmatched: false });
    expect(match('Auftakt')).toEqual({ subjectId: 'p1', unmatched: false });
  });

  it('gives the default to rows naming none, and flags names the plan lacks', () => {
    expect(match(null)).toEqual({ subjectId: 'p2', unmatched: false });
    expect(match('  ')).toEqual({ subjectId: 'p2', unmatched: false });
    expect(match('Abschluss')).toEqual({ subjectId: 'p2', unmatched: true });
    expect(subjectMatcher(SUBJECTS, null)('Abschluss')).toEqual({
      subjectId: null,
      unmatched: true,
    });
  });
});
