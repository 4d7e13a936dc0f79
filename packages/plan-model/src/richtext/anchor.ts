import * as Y from 'yjs';
import { OVERVIEW_FIELDS, type OverviewField } from '../keys.js';
import { getOverviewText } from '../overview.js';
import { getFormat, type FormatId } from '../records/format.js';
import { getPhase, type PhaseId } from '../records/phase.js';
import { getStakeholder, type StakeholderId } from '../records/stakeholder.js';

/**
 * Which rich-text field a text anchor lives in, as a string that can be stored and compared:
 * `overview:<field>` or `<stakeholder|phase|format>:<record id>:<notes|goal|description>`.
 */
export type RichTextFieldRef = string;

/** A range of a rich-text field that follows its text through concurrent edits. */
export interface TextAnchor {
  kind: 'text';
  field: RichTextFieldRef;
  /** Base64 `Y.RelativePosition` before the first character. */
  start: string;
  /** Base64 `Y.RelativePosition` after the last character. */
  end: string;
  /** The text as it was selected, shown when the range is gone. */
  quote: string;
}

/** Where a text anchor is now, in the field's text offsets (see {@link richTextCharacters}). */
export interface ResolvedRange {
  index: number;
  length: number;
}

const RECORD_FIELDS = {
  stakeholder: 'notes',
  phase: 'goal',
  format: 'description',
} as const;

/** The ref of an overview field. */
export function overviewFieldRef(field: OverviewField): RichTextFieldRef {
  return `overview:${field}`;
}

/** The ref of a record's rich-text field (stakeholder notes, phase goal, format description). */
export function recordFieldRef(part: keyof typeof RECORD_FIELDS, id: string): RichTextFieldRef {
  return `${part}:${id}:${RECORD_FIELDS[part]}`;
}

/** The live field a ref names, or undefined (unknown ref, record removed). */
export function getRichTextField(doc: Y.Doc, ref: RichTextFieldRef): Y.XmlText | undefined {
  const [part, id, field] = ref.split(':');
  if (part === 'overview' && field === undefined) {
    return (OVERVIEW_FIELDS as readonly string[]).includes(id ?? '')
      ? getOverviewText(doc, id as OverviewField)
      : undefined;
  }
  if (id === undefined || id === '') return undefined;
  if (part === 'stakeholder' && field === 'notes') {
    return getStakeholder(doc, id as StakeholderId)?.notes;
  }
  if (part === 'phase' && field === 'goal') return getPhase(doc, id as PhaseId)?.goal;
  if (part === 'format' && field === 'description') {
    return getFormat(doc, id as FormatId)?.description;
  }
  return undefined;
}

/** True when `ref` has the form of a field ref (the record may still be gone). */
export function isRichTextFieldRef(ref: string): boolean {
  return /^(overview:[A-Za-z]+|(stakeholder:[^:]+:notes|phase:[^:]+:goal|format:[^:]+:description))$/.test(
    ref,
  );
}

/**
 * The field's characters in reading order: the strings of every nested `Y.XmlText` (paragraphs,
 * list items, headings), nothing for block boundaries, node properties or line breaks. This is
 * exactly the text of the DOM text nodes a Lexical editor renders, so an offset here is an offset
 * into the editor's `textContent`-style text, and the other way round.
 */
export function richTextCharacters(xmlText: Y.XmlText): string {
  let text = '';
  walk(xmlText, (_type, _index, chars) => {
    text += chars;
  });
  return text;
}

/** Calls `visit` for each string run: its type, index inside the type, and the string. */
function walk(
  xmlText: Y.XmlText,
  visit: (type: Y.XmlText, index: number, chars: string) => void | 'stop',
): boolean {
  let index = 0;
  for (const op of xmlText.toDelta() as Array<{ insert: unknown }>) {
    const { insert } = op;
    if (typeof insert === 'string') {
      if (visit(xmlText, index, insert) === 'stop') return true;
      index += insert.length;
    } else {
      if (insert instanceof Y.XmlText && walk(insert, visit)) return true;
      index += 1;
    }
  }
  return false;
}

/** The (type, index) of the character at `offset`, or after the character at `offset - 1`. */
function locate(
  xmlText: Y.XmlText,
  offset: number,
  side: 'before' | 'after',
): { type: Y.XmlText; index: number } | null {
  let seen = 0;
  let found: { type: Y.XmlText; index: number } | null = null;
  walk(xmlText, (type, index, chars) => {
    const target = side === 'before' ? offset : offset - 1;
    if (target >= seen && target < seen + chars.length) {
      const inRun = target - seen;
      found = { type, index: index + inRun + (side === 'after' ? 1 : 0) };
      return 'stop';
    }
    seen += chars.length;
  });
  return found;
}

/** The character offset of (type, index) inside `root`, or null when `type` is not in it. */
function offsetOf(
  root: Y.XmlText,
  target: Y.AbstractType<unknown>,
  targetIndex: number,
): number | null {
  let seen = 0;
  const visit = (type: Y.XmlText): number | null => {
    let index = 0;
    for (const op of type.toDelta() as Array<{ insert: unknown }>) {
      const { insert } = op;
      const size = typeof insert === 'string' ? insert.length : 1;
      if (type === target && targetIndex <= index) return seen;
      if (typeof insert === 'string') {
        if (type === target && targetIndex < index + size) return seen + (targetIndex - index);
        seen += size;
      } else if (insert instanceof Y.XmlText) {
        const inner = visit(insert);
        if (inner !== null) return inner;
      }
      index += size;
    }
    return type === target ? seen : null;
  };
  return visit(root);
}

function encode(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decode(base64: string): Y.RelativePosition | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * An anchor on `length` characters from `index` (offsets as in {@link richTextCharacters}) of
 * the field `ref`, or null when the field does not exist or the range is empty or out of bounds.
 * The start sticks to the first character and the end to the last, so text typed right before or
 * right after the range stays outside it.
 */
export function createTextAnchor(
  doc: Y.Doc,
  ref: RichTextFieldRef,
  index: number,
  length: number,
): TextAnchor | null {
  const field = getRichTextField(doc, ref);
  if (!field || !Number.isInteger(index) || !Number.isInteger(length) || index < 0 || length < 1) {
    return null;
  }
  const start = locate(field, index, 'before');
  const end = locate(field, index + length, 'after');
  if (!start || !end) return null;
  const quote = richTextCharacters(field).slice(index, index + length);
  return {
    kind: 'text',
    field: ref,
    start: encode(Y.createRelativePositionFromTypeIndex(start.type, start.index, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)),
    quote,
  };
}

/**
 * Where the anchored text is now, or null when it is detached: its field or record is gone, its
 * text was deleted (the range collapsed), or the positions cannot be read.
 */
export function resolveTextAnchor(doc: Y.Doc, anchor: TextAnchor): ResolvedRange | null {
  const field = getRichTextField(doc, anchor.field);
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (!field || !start || !end) return null;
  const absoluteStart = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const absoluteEnd = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!absoluteStart || !absoluteEnd) return null;
  const from = offsetOf(field, absoluteStart.type, absoluteStart.index);
  const to = offsetOf(field, absoluteEnd.type, absoluteEnd.index);
  if (from === null || to === null || to <= from) return null;
  return { index: from, length: to - from };
}
