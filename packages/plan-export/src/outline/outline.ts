/**
 * The outline of a plan document: what every output shows, in order, as neutral sections and
 * blocks. It is built once from the canonical JSON (`plan-outline.ts`) and drawn by each
 * renderer — Markdown, DOCX and the app's print view — which decide only how things look.
 * Every visible word is already in it (the caller's labels); user text is raw, each renderer
 * escapes it for its format.
 */
import type { Block, Run } from '../rich-blocks.js';

export type { Block, ListItem, Run } from '../rich-blocks.js';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A heading and what belongs to it. The document's title is the one section of level 1. */
export interface Section {
  /**
   * What the section is (`plan`, `overview`, `phase`, `approvals`, …). Renderers may treat a
   * kind specially (the print view starts each phase on a new page); unknown kinds render
   * like any other, so a new kind needs no renderer change.
   */
  kind: string;
  /** Unique within one outline and made of `[a-z0-9-]` only, so it can name an HTML id. */
  key: string;
  level: HeadingLevel;
  heading: string;
  /** A running number shown before the heading ("1. Workshop"). */
  number?: number;
  content: OutlineBlock[];
}

/** One "label: value" fact. `code` marks a value read character by character (a hash). */
export interface Fact {
  label: string;
  value: string;
  code?: boolean;
}

/** A block of a section. */
export type OutlineBlock =
  | { kind: 'section'; section: Section }
  /** Key-value facts, in order. */
  | { kind: 'facts'; facts: Fact[] }
  /**
   * One paragraph of styled runs, optionally led by a bold label ("Label: text", or "Label:"
   * alone when there are no runs). `placeholder` marks the "none" shown for an empty field.
   */
  | { kind: 'paragraph'; runs: Run[]; lead?: string; placeholder?: boolean }
  /**
   * Flowing text: paragraphs, quotes, lists (nested) and headings written inside a field,
   * which sit one level below the enclosing section. A rich-text field is read into these by
   * `richTextToBlocks`; an outline may also build a list here itself.
   */
  | { kind: 'text'; blocks: Block[] }
  /**
   * A table with a header row; cells are plain text (line breaks kept), never empty.
   * `rowHeaders`: the first cell names the row.
   */
  | { kind: 'table'; header: string[]; rows: string[][]; rowHeaders: boolean }
  /** Someone's words with who and when (a comment). */
  | { kind: 'statement'; who: string; when: string; text: string };

/** A run of plain text, no style, no link. */
export function plainRun(text: string): Run {
  return { text, bold: false, italic: false };
}

/** A section as a block of its parent. */
export function subsection(section: Section): OutlineBlock {
  return { kind: 'section', section };
}
