import { describe, expect, it } from 'vitest';
import {
  PLAN_DOCUMENT_SOURCE,
  inlineContributionRow,
  inlineContributionRows,
} from './inline-contributions.js';

describe('inline contributions of old plans', () => {
  it('maps responses to decisions and keeps the reason as the reply', () => {
    expect(
      inlineContributionRow(
        { id: 'c1', subjectId: 'p1', text: ' Mehr Bänke ', response: 'partly', reason: 'Platz' },
        '2026-12-07',
      ),
    ).toEqual({
      channel: 'other',
      sourceSystem: PLAN_DOCUMENT_SOURCE,
      sourceRef: 'p1/c1',
      receivedAt: '2026-12-07',
      authorKind: 'anonymous',
      subjectId: 'p1',
      text: 'Mehr Bänke',
      reply: { decision: 'partly_adopted', reason: 'Platz' },
    });
  });

  it('drops empty rows, fills an empty text and leaves open ones without a reply', () => {
    const rows = inlineContributionRows(
      [
        { id: 'a', subjectId: 'p', text: '  ', response: 'open', reason: '' },
        { id: 'b', subjectId: 'p', text: '', response: 'rejected', reason: '' },
        { id: 'c', subjectId: '', text: 'Offen', response: 'open', reason: '' },
      ],
      '2026-12-07',
    );
    expect(rows.map((row) => row.sourceRef)).toEqual(['p/b', '/c']);
    expect(rows[0]).toMatchObject({ text: '–', reply: { decision: 'not_adopted', reason: '' } });
    expect(rows[1]).toMatchObject({ subjectId: null });
    expect(rows[1]).not.toHaveProperty('reply');
  });
});
