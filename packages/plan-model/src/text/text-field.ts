import * as Y from 'yjs';
import { ROOT } from '../keys.js';
import { parseInput } from '../validate.js';
import { readString, readText, recordOf, transact, writeText, type RecordMap } from '../store.js';
import type { TextDeltaStep } from './diff.js';
import { limitedText, TEXT_LIMITS, type TextFieldName, type TextRecordKind } from './limits.js';

/**
 * Which plain text field a handle edits, as a string: `meta:<field>` or
 * `<stakeholder|phase|format>:<record id>:<field>`, e.g. `phase:abc:title`.
 */
export type PlainTextFieldRef = string;

/** A record kind whose plain text fields the board edits. */
type EditableKind = Exclude<TextRecordKind, 'contribution'>;

const COLLECTIONS = { stakeholder: 'stakeholders', phase: 'phases', format: 'formats' } as const;

/** What changed in a field, as its observer hears it. */
export interface TextFieldChange {
  /** The field's text after the change. */
  value: string;
  /**
   * The change as `Y.Text` delta steps over the text before it, or null when the field was
   * replaced as a whole (first write into a field of an unmigrated doc, a record re-created).
   */
  delta: readonly TextDeltaStep[] | null;
  /** The transaction's origin. */
  origin: unknown;
}

/** One plain text field, for an input to read, write and follow without knowing the Y.Doc. */
export interface PlainTextField {
  readonly ref: PlainTextFieldRef;
  /** The longest text the field accepts (see `TEXT_LIMITS`). */
  readonly limit: number;
  /** The field's text now. */
  value(): string;
  /**
   * Makes the field read `value` by one minimal splice (common prefix and suffix kept), so the
   * words others typed meanwhile survive. `caret` is the input's caret after the input (its
   * `selectionEnd`): it places an ambiguous edit where the person made it. Throws `PlanValidationError` (code `too_long`, with
   * the limit) and writes nothing when `value` is longer than the limit. False when the record
   * is gone.
   */
  applyInput(value: string, origin?: unknown, caret?: number): boolean;
  /** Calls `callback` after every transaction that changed the field; returns the unsubscribe. */
  observe(callback: (change: TextFieldChange) => void): () => void;
}

/** The ref of a meta text field. */
export function metaTextFieldRef(field: TextFieldName<'meta'>): PlainTextFieldRef {
  return `meta:${field}`;
}

/** The ref of a record's plain text field. */
export function recordTextFieldRef<K extends Exclude<EditableKind, 'meta'>>(
  kind: K,
  id: string,
  field: TextFieldName<K>,
): PlainTextFieldRef {
  return `${kind}:${id}:${field}`;
}

/** The handle of the field `ref` names, or undefined for an unknown ref or a removed record. */
export function getTextField(doc: Y.Doc, ref: PlainTextFieldRef): PlainTextField | undefined {
  const parsed = parseRef(ref);
  if (!parsed) return undefined;
  const { kind, field } = parsed;
  const mapOf = (): RecordMap | undefined =>
    kind === 'meta' ? doc.getMap<unknown>(ROOT.meta) : recordOf(doc, COLLECTIONS[kind], parsed.id);
  if (!mapOf()) return undefined;
  const schema = limitedText(kind, field as never);
  return {
    ref,
    limit: (TEXT_LIMITS[kind] as Record<string, number>)[field]!,
    value: () => {
      const map = mapOf();
      return map ? readString(map, field) : '';
    },
    applyInput(value, origin, caret) {
      const text = parseInput(schema, value, `applyTextInput(${ref})`);
      return transact(doc, origin, () => {
        const map = mapOf();
        if (!map) return false;
        writeText(map, field, text, caret);
        if (kind === 'meta') map.set('updatedAt', new Date().toISOString());
        return true;
      });
    },
    observe: (callback) => observeField(doc, () => mapOf(), field, callback),
  };
}

function parseRef(ref: string): { kind: EditableKind; id: string; field: string } | undefined {
  const parts = ref.split(':');
  const [kind] = parts;
  if (kind === 'meta' && parts.length === 2) {
    return parts[1]! in TEXT_LIMITS.meta ? { kind, id: '', field: parts[1]! } : undefined;
  }
  if ((kind === 'stakeholder' || kind === 'phase' || kind === 'format') && parts.length === 3) {
    const [, id, field] = parts as [string, string, string];
    return id !== '' && field in TEXT_LIMITS[kind] ? { kind, id, field } : undefined;
  }
  return undefined;
}

/**
 * Follows one field through everything that can happen to it: edits of its `Y.Text` (reported
 * with their delta, so an input can move its caret along) and the replacement of the `Y.Text`
 * or its record (reported without a delta). Checked after each transaction, so one callback per
 * transaction.
 */
function observeField(
  doc: Y.Doc,
  mapOf: () => RecordMap | undefined,
  field: string,
  callback: (change: TextFieldChange) => void,
): () => void {
  const current = () => {
    const map = mapOf();
    return { text: map && readText(map, field), value: map ? readString(map, field) : '' };
  };
  let seen = current();
  let delta: TextDeltaStep[] | null = null;
  const onText = (event: Y.YTextEvent): void => {
    delta = event.delta as TextDeltaStep[];
  };
  seen.text?.observe(onText);
  const afterTransaction = (tr: Y.Transaction): void => {
    const now = current();
    const replaced = now.text !== seen.text;
    if (replaced) {
      seen.text?.unobserve(onText);
      now.text?.observe(onText);
    }
    const changed = replaced || delta !== null || now.value !== seen.value;
    const change = { value: now.value, delta: replaced ? null : delta, origin: tr.origin };
    seen = now;
    delta = null;
    if (changed) callback(change);
  };
  doc.on('afterTransaction', afterTransaction);
  return () => {
    doc.off('afterTransaction', afterTransaction);
    seen.text?.unobserve(onText);
  };
}
