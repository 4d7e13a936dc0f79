import type { ReplyHistoryEntry } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import { historyRows } from './reply-history.js';

const FIRST: ReplyHistoryEntry = {
  version: 1,
  decision: 'not_adopted',
  reason: 'Kein Platz',
  response: '',
  linkKind: null,
  linkId: null,
  measureId: null,
  duplicateOfId: null,
  clusterId: null,
  changedBy: 'u1',
  changedAt: '2026-12-01T10:00:00.000Z',
};

describe('historyRows', () => {
  it('names what each entry changed, newest first', () => {
    const rows = historyRows([
      FIRST,
      { ...FIRST, version: 2, response: 'Leider nicht.', changedBy: 'u2' },
      { ...FIRST, version: 3, response: 'Leider nicht.', linkKind: 'phase', linkId: 'p1' },
    ]);
    expect(rows.map((row) => [row.version, row.changed])).toEqual([
      [3, ['link']],
      [2, ['response']],
      [1, ['decision', 'reason']],
    ]);
    expect(rows[1]?.changedBy).toBe('u2');
  });
  it('shows no parts for an entry that saved the same answer again', () => {
    expect(historyRows([FIRST, { ...FIRST, version: 2 }])[0]?.changed).toEqual([]);
  });
});
