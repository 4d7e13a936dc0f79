/**
 * Keeps the local caret behind the character the user just typed, so two people typing at the
 * same spot each keep their word whole.
 *
 * Why: `@lexical/yjs` 0.52 stores the local caret in the awareness state as a Yjs relative
 * position with `assoc = 0`, i.e. attached to the character *after* the caret — or, at the end of
 * a paragraph, to the end of the paragraph. After every remote change it moves the Lexical caret
 * back to that position (`$syncLocalCursorPosition`). So when someone else types at the same spot,
 * their letter lands between the caret and the character it is attached to, the caret jumps
 * behind their letter, and the next local letter follows theirs: "Sonnenblume" and "Regenschirm"
 * become "SRoegnen…". Attached to the character *before* it (`assoc = -1`), the caret stays
 * behind the local user's own last letter, each next letter has that letter as its Yjs origin,
 * and Yjs keeps each run of letters together.
 *
 * The library offers no option for this, so the binding hands it a provider whose awareness
 * rewrites a collapsed caret to the left-attached form before storing it. Selections (anchor ≠
 * focus) are left as the library makes them (it already attaches their ends to the selected text).
 */
import type { Provider, UserState } from '@lexical/yjs';
import * as Y from 'yjs';

type RelativePosition = NonNullable<UserState['anchorPos']>;

/**
 * The same place as `pos`, attached to the character before it (at the very start: to the start).
 * Never left right-attached, not even in an empty paragraph: the library keeps a stored caret
 * that equals the one it computes, and "the end of this paragraph" stays equal while one types.
 */
function attachLeft(pos: RelativePosition, doc: Y.Doc): RelativePosition {
  if (pos.assoc < 0) return pos;
  const absolute = Y.createAbsolutePositionFromRelativePosition(pos, doc);
  if (!absolute) return pos;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
}

/** `state` with a collapsed caret attached to its left character; anything else unchanged. */
export function withLeftAttachedCaret(state: UserState, doc: Y.Doc): UserState {
  const { anchorPos, focusPos } = state;
  if (!anchorPos || !focusPos || !Y.compareRelativePositions(anchorPos, focusPos)) return state;
  const caret = attachLeft(anchorPos, doc);
  return caret === anchorPos ? state : { ...state, anchorPos: caret, focusPos: caret };
}

function samePosition(a: UserState['anchorPos'], b: UserState['anchorPos']): boolean {
  return a === b || (a != null && b != null && Y.compareRelativePositions(a, b));
}

/** True when `b` would change nothing in `a` (positions compared by place, the rest by value). */
function sameState(a: UserState | null, b: UserState | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof UserState>;
  for (const key of keys) {
    const same =
      key === 'anchorPos' || key === 'focusPos' ? samePosition(a[key], b[key]) : a[key] === b[key];
    if (!same) return false;
  }
  return true;
}

/**
 * A view of `provider` for one binding: everything passes through, except that local states
 * written through it keep a collapsed caret attached to the character before it.
 */
export function stickyCaretProvider(provider: Provider, doc: Y.Doc): Provider {
  const awareness = provider.awareness;
  return {
    connect: provider.connect.bind(provider),
    disconnect: provider.disconnect.bind(provider),
    on: provider.on.bind(provider),
    off: provider.off.bind(provider),
    awareness: {
      getLocalState: () => awareness.getLocalState(),
      getStates: () => awareness.getStates(),
      on: (type, cb) => awareness.on(type, cb),
      off: (type, cb) => awareness.off(type, cb),
      setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
      setLocalState: (state) => {
        const next = state && withLeftAttachedCaret(state, doc);
        // The library compares its own (right-attached) caret with the stored one, so it asks
        // again after every local update; only a real change goes out to the others. (The same
        // object again was changed in place, e.g. by `setLocalStateFocus`, and always goes out.)
        const current = awareness.getLocalState();
        if (next === current || !sameState(current, next)) awareness.setLocalState(next);
      },
    },
  };
}
