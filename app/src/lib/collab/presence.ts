/**
 * What each person publishes about themselves in the plan's awareness, beside the fields
 * `@lexical/yjs` keeps there for cursors (`name`, `color`, `focusing`, `anchorPos`, `focusPos`).
 */

/** Where on the board someone is working: a record (or the overview) and one of its fields. */
export interface FocusTarget {
  kind: 'meta' | 'overview' | 'stakeholder' | 'phase' | 'format';
  /** Record id; the plan id for `meta`/`overview`. */
  id: string;
  field: string;
}

import { isRole, type Role } from '@prozesswerkstatt/contract';

/** One person (one browser tab) in the plan, as the presence bar shows it. */
export interface Peer {
  /** Awareness client id (one per tab). */
  clientId: number;
  /** Id, name and role are stamped by the collab-server from the verified token. */
  userId: string;
  name: string;
  /** Null only for a state the server has not stamped (one's own, before a role is known). */
  role: Role | null;
  colorIndex: number;
  focus: FocusTarget | null;
  self: boolean;
}

/** True when two focus targets name the same field. */
export function sameTarget(a: FocusTarget | null, b: FocusTarget): boolean {
  return a !== null && a.kind === b.kind && a.id === b.id && a.field === b.field;
}

const KINDS: ReadonlyArray<FocusTarget['kind']> = [
  'meta',
  'overview',
  'stakeholder',
  'phase',
  'format',
];

/** Reads one awareness state defensively (it comes from other browsers); null when unusable. */
export function readPeer(clientId: number, state: unknown, selfId: number): Peer | null {
  if (typeof state !== 'object' || state === null) return null;
  const { user, focus } = state as { user?: unknown; focus?: unknown };
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, role, colorIndex } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return {
    clientId,
    userId: id,
    name: name.slice(0, 100),
    role: isRole(role) ? role : null,
    colorIndex: typeof colorIndex === 'number' ? colorIndex : 0,
    focus: readFocus(focus),
    self: clientId === selfId,
  };
}

function readFocus(value: unknown): FocusTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id, field } = value as Record<string, unknown>;
  if (!KINDS.includes(kind as FocusTarget['kind'])) return null;
  if (typeof id !== 'string' || typeof field !== 'string') return null;
  return { kind: kind as FocusTarget['kind'], id, field };
}

/** One entry per person (several tabs of one user collapse), self first, then by name. */
export function peopleOf(peers: readonly Peer[]): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const peer of peers) {
    const known = byUser.get(peer.userId);
    if (!known || (peer.self && !known.self)) byUser.set(peer.userId, peer);
  }
  return [...byUser.values()].sort((a, b) =>
    a.self !== b.self ? (a.self ? -1 : 1) : a.name.localeCompare(b.name),
  );
}
