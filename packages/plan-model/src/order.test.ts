import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from './records/meta.js';
import { addPhase, listPhases, movePhase } from './records/phase.js';
import { positionAt, sortByPosition } from './order.js';

describe('ordering', () => {
  it('breaks position ties by id and renumbers when no key fits between neighbours', () => {
    const siblings = sortByPosition([
      { id: 'b', position: 'a1' },
      { id: 'a', position: 'a1' },
      { id: 'c', position: 'a2' },
    ]);
    expect(siblings.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    const renumbered = new Map<string, string>();
    const key = positionAt(siblings, 1, (id, pos) => renumbered.set(id, pos));
    const order = sortByPosition([
      ...siblings.map((s) => ({ id: s.id, position: renumbered.get(s.id) ?? s.position })),
      { id: 'new', position: key },
    ]);
    expect(order.map((s) => s.id)).toEqual(['a', 'new', 'b', 'c']);
  });

  it('keeps both phases inserted concurrently at the same spot and can move between them', () => {
    const a = new Y.Doc();
    initPlan(a, { title: 'T' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addPhase(a, { title: 'A' });
    addPhase(b, { title: 'B' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const c = addPhase(a, { title: 'C' });
    expect(listPhases(a)).toHaveLength(3);
    movePhase(a, c, 1);
    expect(listPhases(a).map((p) => p.title)[1]).toBe('C');
  });
});
