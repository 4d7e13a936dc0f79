/**
 * Markdown (CommonMark + GFM tables) escaping of user text, and rendering of rich-text blocks.
 * Everything a user typed goes through `escapeText`, so a title like `# Hack` or a cell with `|`
 * or `[x](javascript:…)` stays text: no injected heading, table column or link.
 */
import { safeHref, type Block, type Run } from './rich-blocks.js';

/** Characters with inline meaning anywhere in a line (GFM adds `|` and `~`). */
const INLINE_SPECIALS = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * User text as literal Markdown text: inline specials are backslash-escaped, and at the start of
 * every line the markers of lists, setext headings and thematic breaks (`-`, `=`, `1.`) too.
 * Leading spaces are dropped (four would start a code block).
 */
export function escapeText(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/** Escapes block markers at the start of every line of already inline-escaped text. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(/^([-=])/, '\\$1')
        .replace(/^(\d+)([.])/, '$1\\$2'),
    )
    .join('\n');
}

/** User text placed after other text on a line: only the inline specials are escaped. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&');
}

/** User text for the rest of one line (after `# `, `**Label:** `): line breaks become spaces. */
export function escapeLine(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** User text for a GFM table cell: escaped, line breaks as `<br>`, never empty. */
export function escapeCell(text: string, none: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return escapeInline(none);
  return trimmed
    .split('\n')
    .map((line) => escapeInline(line.trim()))
    .join('<br>');
}

/** A GFM table; cells must already be escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Styled runs as inline Markdown; a line break inside becomes a hard break (`\` + newline). */
export function inline(runs: readonly Run[]): string {
  let out = '';
  for (const group of groupByLink(runs)) {
    const text = group.runs.map(styled).join('');
    const href = safeHref(group.href);
    out += href === undefined || text.trim() === '' ? text : `[${text}](<${encodeAngle(href)}>)`;
  }
  return escapeLineStarts(out).replace(/\n/g, '\\\n');
}

function styled(run: Run): string {
  const escaped = escapeInline(run.text);
  if (!run.bold && !run.italic) return escaped;
  // Emphasis must hug its text: `** x**` is not bold, so surrounding spaces go outside.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (core === '') return escaped;
  const marker = run.bold && run.italic ? '***' : run.bold ? '**' : '*';
  return `${lead}${marker}${core}${marker}${trail}`;
}

function groupByLink(runs: readonly Run[]): { href: string | undefined; runs: Run[] }[] {
  const groups: { href: string | undefined; runs: Run[] }[] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && last.href === run.href) last.runs.push(run);
    else groups.push({ href: run.href, runs: [run] });
  }
  return groups;
}

function encodeAngle(href: string): string {
  return href.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}

/**
 * Blocks as Markdown, one blank line apart. Headings written in a field sit one level below the
 * section that holds the field (`baseLevel`), at most level 6.
 */
export function blocksToMarkdown(blocks: readonly Block[], baseLevel: number): string {
  return blocks
    .map((block) => blockToMarkdown(block, baseLevel))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

function blockToMarkdown(block: Block, baseLevel: number): string {
  switch (block.kind) {
    case 'paragraph':
      return inline(block.runs);
    case 'quote':
      return inline(block.runs)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'heading':
      return `${'#'.repeat(Math.min(6, baseLevel + 1))} ${inline(block.runs).replace(/\\\n/g, ' ')}`;
    case 'list':
      return listToMarkdown(block, '');
  }
}

function listToMarkdown(block: Extract<Block, { kind: 'list' }>, indent: string): string {
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${index + 1}.` : '-';
      const pad = `${indent}${' '.repeat(marker.length + 1)}`;
      const text = inline(item.runs).split('\n').join(`\n${pad}`);
      const nested = item.children
        .map((child) =>
          child.kind === 'list' ? listToMarkdown(child, pad) : `${pad}${inline(child.runs)}`,
        )
        .join('\n');
      return `${indent}${marker} ${text}${nested ? `\n${nested}` : ''}`;
    })
    .join('\n');
}
