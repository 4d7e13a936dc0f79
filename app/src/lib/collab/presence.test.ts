import { describe, expect, it } from 'vitest';
import { peopleOf, readPeer, sameTarget } from './presence';

describe('presence', () => {
  it('reads well-formed states and drops malformed ones', () => {
    const state = {
      user: { id: 'u1', name: 'Ada', colorIndex: 2 },
      focus: { kind: 'phase', id: 'p1', field: 'title' },
    };
    expect(readPeer(7, state, 7)).toEqual({
      clientId: 7,
      userId: 'u1',
      name: 'Ada',
      role: null,
      colorIndex: 2,
      focus: { kind: 'phase', id: 'p1', field: 'title' },
      self: true,
    });
    expect(readPeer(1, { user: { id: 'u', name: 'B', role: 'viewer' } }, 7)?.role).toBe('viewer');
    expect(readPeer(1, { user: { id: 'u', name: 'B', role: 'boss' } }, 7)?.role).toBeNull();
    expect(readPeer(1, { user: { id: 3 } }, 7)).toBeNull();
    expect(
      readPeer(1, { user: { id: 'u', name: 'B' }, focus: { kind: 'x' } }, 7)?.focus,
    ).toBeNull();
  });

  it('collapses several tabs of one person and puts self first', () => {
    const peer = (clientId: number, userId: string, name: string, self = false) => ({
      clientId,
      userId,
      name,
      role: null,
      colorIndex: 0,
      focus: null,
      self,
    });
    const people = peopleOf([
      peer(1, 'b', 'Bea'),
      peer(2, 'a', 'Ada'),
      peer(3, 'b', 'Bea'),
      peer(4, 'z', 'Zoe', true),
    ]);
    expect(people.map((p) => p.name)).toEqual(['Zoe', 'Ada', 'Bea']);
  });

  it('compares targets', () => {
    expect(
      sameTarget(
        { kind: 'meta', id: 'p', field: 'title' },
        { kind: 'meta', id: 'p', field: 'title' },
      ),
    ).toBe(true);
    expect(sameTarget(null, { kind: 'meta', id: 'p', field: 'title' })).toBe(false);
  });
});
