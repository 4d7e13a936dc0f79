/**
 * Keyboard and drag reordering: which index an item moves to, and what to announce.
 */

/** The index an item at `from` moves to for a step of `delta`, or null when it cannot move. */
export function stepIndex(from: number, delta: -1 | 1, length: number): number | null {
  const to = from + delta;
  return from < 0 || to < 0 || to >= length ? null : to;
}

/**
 * The target index for plan-model's `move…(doc, id, toIndex)` — an index among the other items —
 * when an item dragged from `from` is dropped onto the item at `over` (it takes that item's place).
 */
export function dropIndex(_from: number, over: number): number {
  return over;
}

/** Arrow key with Alt (or Ctrl+Shift on systems where Alt+Arrow is taken) as a move step. */
export function moveKeyDelta(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'shiftKey'>,
): -1 | 1 | null {
  const modifier = event.altKey || (event.ctrlKey && event.shiftKey);
  if (!modifier) return null;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return null;
}
