import * as Y from 'yjs';
import { POSITION_KEY, ROOT } from './keys.js';
import { positionAt, sortByPosition, type Positioned } from './order.js';
import { applyMinimalDiff } from './text/diff.js';
import {
  PLAIN_TEXT_KEYS,
  textFieldNames,
  type TextFields,
  type TextRecordKind,
} from './text/limits.js';

/** A record as stored: a `Y.Map` from field name to value (scalars, `Y.XmlText`, `Y.Array`). */
export type RecordMap = Y.Map<unknown>;

/** The record collections (every root map except `meta` and the guideline marks). */
export type CollectionName = Exclude<keyof typeof ROOT, 'meta' | 'guidelineNotApplicable'>;

/** The root map of a collection: id → record. */
export function collectionOf(doc: Y.Doc, name: CollectionName): Y.Map<RecordMap> {
  return doc.getMap<RecordMap>(ROOT[name]);
}

/** The record with `id`, if present and really a record. */
export function recordOf(doc: Y.Doc, name: CollectionName, id: string): RecordMap | undefined {
  const value: unknown = collectionOf(doc, name).get(id);
  return value instanceof Y.Map ? (value as RecordMap) : undefined;
}

/** A stored record with its id and ordering key. */
export interface StoredRecord {
  id: string;
  position: string;
  map: RecordMap;
}

/** All records of a collection (optionally filtered), sorted by (position, id). */
export function orderedRecords(
  doc: Y.Doc,
  name: CollectionName,
  filter: (map: RecordMap) => boolean = () => true,
): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const [id, map] of collectionOf(doc, name).entries()) {
    if (!(map instanceof Y.Map) || !filter(map)) continue;
    out.push({ id, position: readString(map, POSITION_KEY), map });
  }
  return sortByPosition(out);
}

/**
 * The position that puts a record at `index` among `siblings` of a collection (sorted, without
 * the record itself), renumbering the siblings when their keys leave no room.
 */
export function positionAmong(
  doc: Y.Doc,
  name: CollectionName,
  siblings: readonly Positioned[],
  index: number,
): string {
  return positionAt(siblings, index, (id, position) =>
    recordOf(doc, name, id)?.set(POSITION_KEY, position),
  );
}

/** Moves a record of a whole-collection ordering to `toIndex`; false when it does not exist. */
export function moveRecord(
  doc: Y.Doc,
  name: CollectionName,
  id: string,
  toIndex: number,
  origin: unknown,
): boolean {
  return transact(doc, origin, () => {
    const map = recordOf(doc, name, id);
    if (!map) return false;
    const siblings = orderedRecords(doc, name).filter((record) => record.id !== id);
    map.set(POSITION_KEY, positionAmong(doc, name, siblings, toIndex));
    return true;
  });
}

/** Reads every record of a collection in order; records `read` cannot make sense of are skipped. */
export function listRecords<T>(
  doc: Y.Doc,
  name: CollectionName,
  read: (id: string, map: RecordMap) => T | undefined,
): T[] {
  return orderedRecords(doc, name).flatMap(({ id, map }) => {
    const record = read(id, map);
    return record === undefined ? [] : [record];
  });
}

/**
 * Writes fields; unchanged values are skipped so no-op updates create no Yjs items. A plain text
 * field (a key of `PLAIN_TEXT_KEYS`) is written into its `Y.Text` as one minimal splice, so the
 * words someone else types into the same field at the same time are kept.
 */
export function writeFields(map: RecordMap, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && PLAIN_TEXT_KEYS.has(key)) writeText(map, key, value);
    else if (map.get(key) !== value) map.set(key, value);
  }
}

/**
 * Writes a plain text field: a minimal splice into its `Y.Text`, or a new `Y.Text` when the field
 * is missing or still a string of schema version 2 (a doc the server has not migrated yet, e.g.
 * an offline copy; see migrations/README.md).
 */
export function writeText(map: RecordMap, key: string, value: string, caret?: number): void {
  const current = map.get(key);
  if (current instanceof Y.Text) applyMinimalDiff(current, value, caret);
  else if (current !== value) map.set(key, new Y.Text(value));
}

/** A field's `Y.Text`, if it is one. */
export function readText(map: RecordMap, key: string): Y.Text | undefined {
  const value = map.get(key);
  return value instanceof Y.Text ? value : undefined;
}

/**
 * A string field, or `fallback` when absent or of the wrong type (foreign writers). A plain text
 * field reads as its `Y.Text`'s content, and as the string itself in a doc not yet migrated.
 */
export function readString(map: RecordMap, key: string, fallback = ''): string {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : fallback;
}

/** Every plain text field of a record kind, read from its map (missing ones are empty). */
export function readTextFields<K extends TextRecordKind>(map: RecordMap, kind: K): TextFields<K> {
  return Object.fromEntries(
    textFieldNames(kind).map((field) => [field, readString(map, field)]),
  ) as TextFields<K>;
}

/** A nullable string field. */
export function readNullableString(map: RecordMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' ? value : null;
}

/** A number field, or `fallback`. */
export function readNumber(map: RecordMap, key: string, fallback: number): number {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A nullable number field. */
export function readNullableNumber(map: RecordMap, key: string): number | null {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** An enum field, or `fallback` when the stored value is not one of `values`. */
export function readEnum<T extends string>(
  map: RecordMap,
  key: string,
  values: readonly T[],
  fallback: T,
): T {
  const value = map.get(key);
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** A rich-text field, or undefined when missing (then the record counts as incomplete). */
export function readRichText(map: RecordMap, key: string): Y.XmlText | undefined {
  const value = map.get(key);
  return value instanceof Y.XmlText ? value : undefined;
}

/** Runs `fn` in one transaction with `origin`, so observers see one change. */
export function transact<T>(doc: Y.Doc, origin: unknown, fn: () => T): T {
  let result: T | undefined;
  doc.transact(() => {
    result = fn();
  }, origin ?? null);
  return result as T;
}
