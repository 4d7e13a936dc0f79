import type { PublicAnswer } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import { groupPublicAnswers } from './public-answers.js';
import type { ResultSubject } from './result-subjects.js';

function answer(contributionId: string, subjectId: string | null): PublicAnswer {
  return {
    contributionId,
    channel: 'letter',
    receivedOn: '2026-03-01',
    pseudonym: `P ${contributionId}`,
    subjectId,
    title: '',
    text: `Text ${contributionId}`,
    cosignerCount: 0,
    decision: 'adopted',
    reason: '',
    response: 'Ja',
    duplicateOfId: null,
    measureId: null,
    linkKind: null,
    linkId: null,
    releasedAt: '2026-04-01T10:00:00.000Z',
  };
}

const SUBJECTS: ResultSubject[] = [
  { id: 'ph1', kind: 'phase', title: 'Auftakt', phaseTitle: 'Auftakt' },
  { id: 'f1', kind: 'format', title: 'Werkstatt', phaseTitle: 'Auftakt' },
  { id: 'ph2', kind: 'phase', title: 'Entwurf', phaseTitle: 'Entwurf' },
  { id: 'f2', kind: 'format', title: 'Online', phaseTitle: 'Entwurf' },
];

describe('public answers by phase', () => {
  it('groups in plan order, formats under their phase, unknown subjects last', () => {
    const groups = groupPublicAnswers(
      [
        answer('a', 'f2'),
        answer('b', null),
        answer('c', 'ph1'),
        answer('d', 'f1'),
        answer('e', 'gone'),
      ],
      SUBJECTS,
      [
        { contributionId: 'c', themeId: 't1', label: 'Bänke' },
        { contributionId: 'c', themeId: 't2', label: 'Grün' },
        { contributionId: 'a', themeId: 't2', label: 'Grün' },
      ],
    );
    expect(
      groups.map((group) => [
        group.phaseTitle,
        group.answers.map((a) => [a.contributionId, a.formatTitle, a.themes]),
      ]),
    ).toEqual([
      [
        'Auftakt',
        [
          ['c', null, ['Bänke', 'Grün']],
          ['d', 'Werkstatt', []],
        ],
      ],
      ['Entwurf', [['a', 'Online', ['Grün']]]],
      [
        null,
        [
          ['b', null, []],
          ['e', null, []],
        ],
      ],
    ]);
  });

  it('leaves out phases without answers', () => {
    expect(groupPublicAnswers([], SUBJECTS, [])).toEqual([]);
  });
});
