/**
 * Building blocks of the DOCX export over the `docx` library: styled runs, rich-text blocks,
 * key-value lists and tables. Every user string passes `xmlSafe`, because Word refuses a file
 * with XML-invalid control characters and `docx` does not remove them.
 */
import {
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { safeHref, type Block, type Run } from './rich-blocks.js';

/** Reference of the numbering definition used by ordered lists. */
export const ORDERED_LIST = 'ordered-list';

/** Characters XML 1.0 forbids (controls except tab/newline/CR, U+FFFE/FFFF, lone surrogates). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters Word cannot read removed. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Runs for plain text: each `\n` becomes a line break. */
export function textRuns(
  text: string,
  style: { bold?: boolean; italic?: boolean } = {},
): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...style }));
}

/** Styled rich-text runs; links to safe targets become hyperlinks. */
export function richRuns(runs: readonly Run[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const pieces = textRuns(run.text, { bold: run.bold, italic: run.italic });
    const href = safeHref(run.href);
    return href === undefined ? pieces : [new ExternalHyperlink({ link: href, children: pieces })];
  });
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A heading paragraph of `level` 1–6. */
export function heading(text: string, level: number): Paragraph {
  const style = HEADINGS[Math.min(6, Math.max(1, level)) - 1] ?? HeadingLevel.HEADING_6;
  return new Paragraph({ heading: style, children: textRuns(text), keepNext: true });
}

/** A plain paragraph. */
export function paragraph(
  text: string,
  style: { bold?: boolean; italic?: boolean } = {},
): Paragraph {
  return new Paragraph({ children: textRuns(text, style) });
}

/** "Label: value" as one paragraph with the label bold. */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    children: [...textRuns(`${label}: `, { bold: true }), ...textRuns(value)],
  });
}

/**
 * Rich-text blocks as paragraphs. Headings sit one level below `baseLevel`; each ordered list
 * gets its own numbering instance, so it starts at 1.
 */
export function blockParagraphs(
  blocks: readonly Block[],
  baseLevel: number,
  nextListInstance: () => number,
): Paragraph[] {
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.kind) {
      case 'paragraph':
        return [new Paragraph({ children: richRuns(block.runs) })];
      case 'quote':
        return [new Paragraph({ children: richRuns(block.runs), style: 'Quote' })];
      case 'heading': {
        const level = Math.min(6, baseLevel + 1);
        const style = HEADINGS[level - 1] ?? HeadingLevel.HEADING_6;
        return [new Paragraph({ heading: style, children: richRuns(block.runs), keepNext: true })];
      }
      case 'list':
        return listParagraphs(block, 0, nextListInstance);
    }
  });
}

function listParagraphs(
  block: Extract<Block, { kind: 'list' }>,
  level: number,
  nextListInstance: () => number,
): Paragraph[] {
  const instance = block.ordered ? nextListInstance() : 0;
  const depth = Math.min(level, 4);
  return block.items.flatMap((item) => [
    new Paragraph({
      children: richRuns(item.runs),
      ...(block.ordered
        ? { numbering: { reference: ORDERED_LIST, level: depth, instance } }
        : { bullet: { level: depth } }),
    }),
    ...item.children.flatMap((child) =>
      child.kind === 'list'
        ? listParagraphs(child, level + 1, nextListInstance)
        : blockParagraphs([child], 6, nextListInstance),
    ),
  ]);
}

/**
 * A full-width table with a repeated bold header row; rows are not split across pages. Each
 * cell is plain text (line breaks kept).
 */
export function dataTable(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: textRuns(text, { bold }) })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h) => cell(h, true)),
      }),
      ...rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) }),
      ),
    ],
  });
}
