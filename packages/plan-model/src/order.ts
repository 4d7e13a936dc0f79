import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** A record that takes part in an ordering. */
export interface Positioned {
  id: string;
  position: string;
}

/**
 * Sorts by (position, id). The id breaks ties: two clients inserting at the same spot at once
 * generate the same key, and every replica must still agree on one order.
 */
export function sortByPosition<T extends Positioned>(items: readonly T[]): T[] {
  return [...items].sort((a, b) =>
    a.position < b.position
      ? -1
      : a.position > b.position
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
}

/**
 * A position that puts an item at `index` among `siblings` (sorted, not containing the item).
 * When no key fits between the neighbours (they tie after concurrent inserts, or a foreign
 * client wrote a malformed key) the siblings are renumbered through `setPosition` first;
 * concurrent renumbering converges like any other field write and never duplicates an item.
 */
export function positionAt(
  siblings: readonly Positioned[],
  index: number,
  setPosition: (id: string, position: string) => void,
): string {
  const at = Math.max(0, Math.min(Math.trunc(index), siblings.length));
  try {
    return generateKeyBetween(siblings[at - 1]?.position ?? null, siblings[at]?.position ?? null);
  } catch {
    const keys = generateNKeysBetween(null, null, siblings.length + 1);
    siblings.forEach((sibling, i) => setPosition(sibling.id, keys[i < at ? i : i + 1] as string));
    return keys[at] as string;
  }
}
