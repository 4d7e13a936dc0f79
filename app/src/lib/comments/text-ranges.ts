/**
 * Between a DOM selection in a Lexical editor and character offsets of its field. The editor
 * renders exactly the field's characters as its text nodes (block boundaries are elements, not
 * text), which is what plan-model's `richTextCharacters` counts, so offsets agree.
 */

function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Offset of a DOM boundary point in the root's characters (a range's text is its text nodes'). */
function offsetOf(root: HTMLElement, container: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(container, offset);
  return range.toString().length;
}

/** The selected characters inside `root`, or null when the selection is elsewhere or empty. */
export function selectionOffsets(
  root: HTMLElement,
  selection: Selection | null,
): { index: number; length: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { index: start, length: end - start, text: range.toString() };
}

/** A DOM range over `length` characters from `index` inside `root`, or null. */
export function domRangeAt(root: HTMLElement, index: number, length: number): Range | null {
  let seen = 0;
  let range: Range | null = null;
  const end = index + length;
  for (const node of textNodes(root)) {
    const next = seen + node.length;
    if (range === null && index < next) {
      range = document.createRange();
      range.setStart(node, index - seen);
    }
    if (range !== null && end <= next) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen = next;
  }
  return null;
}
