import { describe, expect, it } from 'vitest';
import { coverageSeries } from './coverage-view.js';

describe('coverage series', () => {
  it('lists every channel and decision with zeros, themes by count then label path', () => {
    const series = coverageSeries(
      {
        total: 5,
        byChannel: { letter: 3, platform: 2 },
        byTheme: { bike: 2, green: 2, trees: 1 },
        byDecision: { adopted: 1, none: 4 },
        withoutDecision: 4,
        withoutReason: 0,
        overdue: 1,
      },
      [
        { id: 'traffic', parentId: null, label: 'Verkehr' },
        { id: 'bike', parentId: 'traffic', label: 'Radwege' },
        { id: 'green', parentId: null, label: 'Grün' },
        { id: 'trees', parentId: 'green', label: 'Bäume' },
        // A damaged tree (a cycle) still ends.
        { id: 'loop', parentId: 'loop2', label: 'Schleife' },
        { id: 'loop2', parentId: 'loop', label: 'Zurück' },
      ],
    );
    expect(series.channels).toEqual([
      { key: 'platform', count: 2 },
      { key: 'workshop', count: 0 },
      { key: 'letter', count: 3 },
      { key: 'email', count: 0 },
      { key: 'survey', count: 0 },
      { key: 'phone', count: 0 },
      { key: 'other', count: 0 },
    ]);
    expect(series.decisions.map((d) => [d.key, d.count])).toEqual([
      ['adopted', 1],
      ['partly_adopted', 0],
      ['not_adopted', 0],
      ['noted', 0],
      ['out_of_scope', 0],
      ['duplicate_of', 0],
      ['none', 4],
    ]);
    expect(series.themes).toEqual([
      { key: 'green', label: 'Grün', count: 2 },
      { key: 'bike', label: 'Verkehr › Radwege', count: 2 },
      { key: 'trees', label: 'Grün › Bäume', count: 1 },
      { key: 'loop2', label: 'Schleife › Zurück', count: 0 },
      { key: 'traffic', label: 'Verkehr', count: 0 },
      { key: 'loop', label: 'Zurück › Schleife', count: 0 },
    ]);
    expect([series.total, series.withoutDecision, series.overdue]).toEqual([5, 4, 1]);
  });
});
