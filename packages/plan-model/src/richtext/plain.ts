import * as Y from 'yjs';

/**
 * Properties `@lexical/yjs` 0.52.0 writes on a fresh paragraph's `Y.XmlText` (read off a headless
 * editor; see plain.test.ts, which checks them against a real binding).
 */
const PARAGRAPH_ATTRS = {
  __type: 'paragraph',
  __format: 0,
  __style: '',
  __indent: 0,
  __dir: null,
  __textFormat: 0,
  __textStyle: '',
} as const;

/** Properties `@lexical/yjs` 0.52.0 writes into the `Y.Map` that precedes each text run. */
const TEXT_NODE_PROPS = {
  __type: 'text',
  __format: 0,
  __style: '',
  __mode: 0,
  __detail: 0,
} as const;

/**
 * Replaces the content of a rich-text field with plain paragraphs, in exactly the structure a
 * Lexical editor bound with `@lexical/yjs` writes: one embedded `Y.XmlText` per paragraph, each
 * holding a text-node `Y.Map` followed by its string (nothing for an empty paragraph). For seeding
 * plans on the server and in tests; `\n` inside a paragraph is kept as part of the text.
 */
export function writePlainParagraphs(xmlText: Y.XmlText, paragraphs: readonly string[]): void {
  const write = (): void => {
    if (xmlText.length > 0) xmlText.delete(0, xmlText.length);
    paragraphs.forEach((text, index) => {
      const paragraph = new Y.XmlText();
      xmlText.insertEmbed(index, paragraph);
      for (const [key, value] of Object.entries(PARAGRAPH_ATTRS)) {
        paragraph.setAttribute(key, value);
      }
      if (text === '') return;
      const props = new Y.Map<unknown>();
      paragraph.insertEmbed(0, props);
      for (const [key, value] of Object.entries(TEXT_NODE_PROPS)) props.set(key, value);
      paragraph.insert(1, text, {});
    });
  };
  if (xmlText.doc) xmlText.doc.transact(write);
  else throw new Error('writePlainParagraphs: the Y.XmlText must belong to a Y.Doc');
}

/**
 * The text of a rich-text field without formatting: block elements (embedded `Y.XmlText`) become
 * lines, Lexical line breaks become `\n`, decorators and node properties contribute nothing. For
 * search, previews, plain exports and diffs.
 */
export function richTextToPlainText(xmlText: Y.XmlText): string {
  return blockLines(xmlText).join('\n');
}

/** Lines of one element: inline runs are joined, each nested block starts new lines. */
function blockLines(xmlText: Y.XmlText): string[] {
  const lines: string[] = [];
  let current: string | null = null;
  for (const op of xmlText.toDelta() as Array<{ insert: unknown }>) {
    const { insert } = op;
    if (typeof insert === 'string') {
      current = (current ?? '') + insert;
    } else if (insert instanceof Y.XmlText) {
      if (current !== null) lines.push(current);
      current = null;
      const inner = blockLines(insert);
      // An empty paragraph is still a line.
      lines.push(...(inner.length > 0 ? inner : ['']));
    } else if (insert instanceof Y.Map && insert.get('__type') === 'linebreak') {
      current = (current ?? '') + '\n';
    }
  }
  if (current !== null) lines.push(current);
  return lines;
}
