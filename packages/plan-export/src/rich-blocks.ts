/**
 * Reads a rich-text field in plan-model's JSON form (the `Y.XmlText` structure `@lexical/yjs`
 * 0.52 writes) as a small tree of blocks and styled runs, the common ground of the Markdown and
 * DOCX writers. Element nodes are embedded `xmlText`s whose `__type` attribute names the Lexical
 * node; a text node is a `map` of its properties followed by its string.
 */
import type {
  RichDeltaOp,
  RichTextJSON,
  RichValue,
  RichXmlTextJSON,
} from '@prozesswerkstatt/plan-model';

/** A piece of text with one style; `text` may contain `\n` (a Lexical line break). */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Target of the link the run is part of (not checked: writers decide what they accept). */
  href?: string;
}

/** One item of a list: its own text and any nested lists. */
export interface ListItem {
  runs: Run[];
  children: Block[];
}

/** A block of a rich-text field. */
export type Block =
  | { kind: 'paragraph' | 'quote'; runs: Run[] }
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] };

/** Lexical's text format bits. */
const BOLD = 1;
const ITALIC = 2;

/** The blocks of a field; an empty field gives none. */
export function richTextToBlocks(json: RichTextJSON): Block[] {
  const blocks: Block[] = [];
  let loose: Run[] = [];
  for (const op of json.delta) {
    const element = asElement(op.insert);
    if (element) {
      if (loose.length > 0) blocks.push({ kind: 'paragraph', runs: loose });
      loose = [];
      blocks.push(elementToBlock(element));
    } else if (typeof op.insert === 'string') {
      loose.push({ text: op.insert, bold: false, italic: false });
    }
  }
  if (loose.length > 0) blocks.push({ kind: 'paragraph', runs: loose });
  return blocks;
}

/** True when the field has no visible text. */
export function isEmptyRichText(json: RichTextJSON): boolean {
  return blocksText(richTextToBlocks(json)).trim() === '';
}

/** The text of runs without styles. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.kind === 'list'
        ? b.items.map((i) => runsText(i.runs) + blocksText(i.children)).join('')
        : runsText(b.runs),
    )
    .join('');
}

function asElement(insert: RichDeltaOp['insert'] | RichValue): RichXmlTextJSON | undefined {
  return typeof insert === 'object' && insert !== null && insert.type === 'xmlText'
    ? insert
    : undefined;
}

function attr(element: RichXmlTextJSON, key: string): RichValue | undefined {
  return element.attrs[key];
}

function elementToBlock(element: RichXmlTextJSON): Block {
  const type = attr(element, '__type');
  if (type === 'heading') {
    const tag = attr(element, '__tag');
    const level = typeof tag === 'string' && /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : 4;
    return { kind: 'heading', level, runs: inlineRuns(element) };
  }
  if (type === 'list') {
    const ordered = attr(element, '__listType') === 'number';
    const items: ListItem[] = [];
    for (const op of element.delta) {
      const child = asElement(op.insert);
      if (child) items.push(listItem(child));
    }
    return { kind: 'list', ordered, items };
  }
  return { kind: type === 'quote' ? 'quote' : 'paragraph', runs: inlineRuns(element) };
}

function listItem(element: RichXmlTextJSON): ListItem {
  const children: Block[] = [];
  const runs = inlineRuns(element, undefined, (nested) => children.push(elementToBlock(nested)));
  return { runs, children };
}

/**
 * The styled runs of an element's inline content. Nested block elements (a list inside a list
 * item) are handed to `onBlock`; links are flattened into runs carrying their target.
 */
function inlineRuns(
  element: RichXmlTextJSON,
  href?: string,
  onBlock?: (nested: RichXmlTextJSON) => void,
): Run[] {
  const runs: Run[] = [];
  let format = 0;
  for (const op of element.delta) {
    const insert = op.insert;
    if (typeof insert === 'string') {
      const run: Run = {
        text: insert,
        bold: (format & BOLD) !== 0,
        italic: (format & ITALIC) !== 0,
      };
      if (href !== undefined) run.href = href;
      runs.push(run);
      continue;
    }
    if (insert.type === 'map') {
      const kind = insert.entries['__type'];
      const bits = insert.entries['__format'];
      if (kind === 'text') format = typeof bits === 'number' ? bits : 0;
      if (kind === 'linebreak') runs.push({ text: '\n', bold: false, italic: false });
      continue;
    }
    const child = asElement(insert);
    if (!child) continue;
    const childType = attr(child, '__type');
    if (childType === 'link' || childType === 'autolink') {
      const url = attr(child, '__url');
      runs.push(...inlineRuns(child, typeof url === 'string' ? url : undefined));
    } else if (onBlock && childType === 'list') {
      onBlock(child);
    } else {
      runs.push(...inlineRuns(child, href));
    }
  }
  return runs;
}

/** Link targets a document may carry; anything else (javascript:, data:, …) becomes plain text. */
export function safeHref(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A field as plain lines for a table cell: one line per block or list item (`• ` before items). */
export function richTextToCellText(json: RichTextJSON): string {
  const lines = (blocks: readonly Block[], depth: number): string[] =>
    blocks.flatMap((block) =>
      block.kind === 'list'
        ? block.items.flatMap((item, i) => [
            `${'  '.repeat(depth)}${block.ordered ? `${i + 1}.` : '•'} ${runsText(item.runs)}`,
            ...lines(item.children, depth + 1),
          ])
        : [runsText(block.runs)],
    );
  return lines(richTextToBlocks(json), 0).join('\n');
}
