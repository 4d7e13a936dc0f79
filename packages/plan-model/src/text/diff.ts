import type * as Y from 'yjs';

/** One edit turning a text into another: delete `remove` characters at `index`, then insert. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single splice turning `before` into `after`: keep the longest common prefix and
 * suffix, replace what lies between. `caret`, the caret's index in `after` right after an input,
 * says where an ambiguous edit happened (typing "s" into "mis|s" could be an insertion at 3 or
 * at 4): the splice then ends at the caret, so a typed character lands exactly where the person
 * typed it, next to their own previous character, and never inside someone else's word. The cut
 * never falls inside a surrogate pair, so concurrent edits cannot leave half a character. Null
 * when the texts are equal.
 */
export function minimalSplice(before: string, after: string, caret?: number): TextSplice | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  const suffixLimit =
    caret === undefined ? shortest : Math.max(0, Math.min(shortest, after.length - caret));
  let suffix = 0;
  while (
    suffix < suffixLimit &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  let prefix = 0;
  while (prefix < shortest - suffix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/**
 * Applies `after` to a `Y.Text` as one minimal splice (the caller opens the transaction);
 * `caret` as in {@link minimalSplice}.
 */
export function applyMinimalDiff(text: Y.Text, after: string, caret?: number): void {
  const splice = minimalSplice(text.toString(), after, caret);
  if (!splice) return;
  if (splice.remove > 0) text.delete(splice.index, splice.remove);
  if (splice.insert !== '') text.insert(splice.index, splice.insert);
}

/** One step of a `Y.Text` change as `YTextEvent.delta` reports it. */
export interface TextDeltaStep {
  retain?: number;
  insert?: unknown;
  delete?: number;
}

/**
 * Where a caret at `index` stands after a remote change: text inserted before it moves it right,
 * text deleted before it moves it left, a deletion around it collapses it to the deletion's
 * start. An insertion exactly at the caret goes after it (the other person's word does not push
 * one's own caret). Used to keep a local selection in place while another person types.
 */
export function transformIndex(index: number, delta: readonly TextDeltaStep[]): number {
  let position = 0; // in the text before the change
  let shift = 0;
  for (const step of delta) {
    if (position >= index) break;
    if (step.retain !== undefined) position += step.retain;
    else if (step.delete !== undefined) {
      shift -= Math.min(position + step.delete, index) - position;
      position += step.delete;
    } else if (step.insert !== undefined) {
      shift += typeof step.insert === 'string' ? step.insert.length : 1;
    }
  }
  return index + shift;
}
