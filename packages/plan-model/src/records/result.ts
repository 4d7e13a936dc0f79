import * as Y from 'yjs';
import { z } from 'zod';
import { PlanValidationError } from '../errors.js';
import { newId } from '../ids.js';
import { richTextJSONSchema } from '../richtext/json.js';
import {
  collectionOf,
  readRichText,
  readString,
  recordOf,
  transact,
  writeFields,
  type RecordMap,
} from '../store.js';
import { parseInput } from '../validate.js';
import { idString } from './levels.js';

/** Id of a result. */
export const resultIdSchema = idString.brand<'ResultId'>();
/** Id of a result (branded). */
export type ResultId = z.infer<typeof resultIdSchema>;

/** Zod schema of a result in JSON form. */
export const resultJSONSchema = z.strictObject({
  id: resultIdSchema,
  subjectId: idString,
  feedback: richTextJSONSchema,
});
/** A result in JSON form. */
export type ResultJSON = z.infer<typeof resultJSONSchema>;

/** A result as read from a doc; `feedback` is the live field to bind an editor to. */
export interface PlanResult {
  id: ResultId;
  /** Id of the format or phase the result belongs to. */
  subjectId: string;
  feedback: Y.XmlText;
}

/** Creates a result for a format or phase and returns its id. */
export function addResult(doc: Y.Doc, input: { subjectId: string }, origin?: unknown): ResultId {
  const { subjectId } = parseInput(z.strictObject({ subjectId: idString }), input, 'addResult');
  const id = newId<ResultId>();
  transact(doc, origin, () => {
    if (!subjectExists(doc, subjectId)) throw missing('addResult', 'subjectId', subjectId);
    insertResult(doc, id, subjectId);
  });
  return id;
}

/** Inserts a result with given ids; returns its `feedback` field. */
export function insertResult(doc: Y.Doc, id: string, subjectId: string): Y.XmlText {
  const map: RecordMap = new Y.Map();
  collectionOf(doc, 'results').set(id, map);
  map.set('subjectId', subjectId);
  const feedback = new Y.XmlText();
  map.set('feedback', feedback);
  return feedback;
}

/** Points a result at another format or phase; false when the result does not exist. */
export function updateResult(
  doc: Y.Doc,
  id: ResultId,
  patch: { subjectId?: string },
  origin?: unknown,
): boolean {
  const fields = parseInput(
    z.strictObject({ subjectId: idString.optional() }),
    patch,
    'updateResult',
  );
  return transact(doc, origin, () => {
    const map = recordOf(doc, 'results', id);
    if (!map) return false;
    if (fields.subjectId !== undefined && !subjectExists(doc, fields.subjectId)) {
      throw missing('updateResult', 'subjectId', fields.subjectId);
    }
    writeFields(map, fields);
    return true;
  });
}

/** Removes a result; false when it does not exist. */
export function removeResult(doc: Y.Doc, id: ResultId, origin?: unknown): boolean {
  return transact(doc, origin, () => {
    if (!recordOf(doc, 'results', id)) return false;
    collectionOf(doc, 'results').delete(id);
    return true;
  });
}

/** Deletes the results about a format or phase (used when that subject is removed). */
export function deleteResultsOfSubject(doc: Y.Doc, subjectId: string): void {
  const results = collectionOf(doc, 'results');
  for (const [id, map] of [...results.entries()]) {
    if (map instanceof Y.Map && map.get('subjectId') === subjectId) results.delete(id);
  }
}

/** True when `id` names an existing phase or a format whose phase exists. */
export function subjectExists(doc: Y.Doc, id: string): boolean {
  if (recordOf(doc, 'phases', id)) return true;
  const format = recordOf(doc, 'formats', id);
  const phaseId = format?.get('phaseId');
  return typeof phaseId === 'string' && recordOf(doc, 'phases', phaseId) !== undefined;
}

/** The result with `id`, or undefined. */
export function getResult(doc: Y.Doc, id: ResultId): PlanResult | undefined {
  const map = recordOf(doc, 'results', id);
  return map ? readResult(doc, id, map) : undefined;
}

/**
 * Results sorted by id (they have no user order; sorting keeps every replica's list and the
 * canonical JSON identical), optionally of one subject. Results whose subject was removed
 * concurrently are hidden.
 */
export function listResults(doc: Y.Doc, subjectId?: string): PlanResult[] {
  return [...collectionOf(doc, 'results').entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, map]) => {
      const record = map instanceof Y.Map ? readResult(doc, id, map) : undefined;
      return record && (subjectId === undefined || record.subjectId === subjectId) ? [record] : [];
    });
}

function readResult(doc: Y.Doc, id: string, map: RecordMap): PlanResult | undefined {
  const feedback = readRichText(map, 'feedback');
  const subjectId = readString(map, 'subjectId');
  if (!feedback || !subjectExists(doc, subjectId)) return undefined;
  return { id: id as ResultId, subjectId, feedback };
}

function missing(operation: string, path: string, id: string): PlanValidationError {
  return new PlanValidationError(operation, [
    { path, message: `no format or phase with id ${id}` },
  ]);
}
