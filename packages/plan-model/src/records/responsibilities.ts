import * as Y from 'yjs';
import { z } from 'zod';
import { PlanValidationError } from '../errors.js';
import { RESPONSIBILITY_KEY_PREFIX } from '../keys.js';
import { collectionOf, recordOf, transact, type RecordMap } from '../store.js';

/**
 * The RACI letters: Responsible (does the work), Accountable (answers for it, signs off),
 * Consulted (asked before), Informed (told after).
 */
export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const;

/** One RACI letter. */
export type RaciLetter = (typeof RACI_LETTERS)[number];

/** Who holds which letter for one phase or format: stakeholder id → letter. */
export type Responsibilities = Record<string, RaciLetter>;

/** Zod schema of a record's responsibilities in JSON form (missing in older files: none). */
export const responsibilitiesJSONSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.enum(RACI_LETTERS))
  .default({});

/** The stored key of one cell. */
export function responsibilityKey(stakeholderId: string): string {
  return `${RESPONSIBILITY_KEY_PREFIX}${stakeholderId}`;
}

/**
 * The responsibilities stored on a record, limited to stakeholders that exist (a stakeholder
 * removed while someone gave it a letter elsewhere is hidden, as its letter would have gone).
 */
export function readResponsibilities(
  map: RecordMap,
  stakeholderExists: (id: string) => boolean,
): Responsibilities {
  const out: Responsibilities = {};
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(RESPONSIBILITY_KEY_PREFIX)) continue;
    const id = key.slice(RESPONSIBILITY_KEY_PREFIX.length);
    if (isRaciLetter(value) && stakeholderExists(id)) out[id] = value;
  }
  return out;
}

/** Writes every cell of `responsibilities` (import); the caller opens the transaction. */
export function writeResponsibilities(map: RecordMap, responsibilities: Responsibilities): void {
  for (const [id, letter] of Object.entries(responsibilities)) {
    map.set(responsibilityKey(id), letter);
  }
}

/**
 * Makes a record's cells equal to `responsibilities` (restore): cells it lacks are cleared, the
 * others set where they differ. The caller opens the transaction.
 */
export function replaceResponsibilities(map: RecordMap, responsibilities: Responsibilities): void {
  for (const key of [...map.keys()]) {
    if (!key.startsWith(RESPONSIBILITY_KEY_PREFIX)) continue;
    if (!Object.hasOwn(responsibilities, key.slice(RESPONSIBILITY_KEY_PREFIX.length))) {
      map.delete(key);
    }
  }
  for (const [id, letter] of Object.entries(responsibilities)) {
    writeResponsibility(map, id, letter);
  }
}

/** Sets or clears one cell; returns false when nothing changed. */
export function writeResponsibility(
  map: RecordMap,
  stakeholderId: string,
  letter: RaciLetter | null,
): boolean {
  const key = responsibilityKey(stakeholderId);
  if (letter === null) {
    if (!map.has(key)) return false;
    map.delete(key);
    return true;
  }
  if (map.get(key) === letter) return false;
  map.set(key, letter);
  return true;
}

function isRaciLetter(value: unknown): value is RaciLetter {
  return typeof value === 'string' && (RACI_LETTERS as readonly string[]).includes(value);
}

/** The phase or format whose responsibilities are meant. */
export interface ResponsibilityOwner {
  kind: 'phase' | 'format';
  id: string;
}

/**
 * Gives `stakeholderId` a letter for a phase or format, or takes it away (`null`). False when the
 * phase or format does not exist (removed concurrently); a `PlanValidationError` when the
 * stakeholder or the letter does not.
 */
export function setResponsibility(
  doc: Y.Doc,
  owner: ResponsibilityOwner,
  stakeholderId: string,
  letter: RaciLetter | null,
  origin?: unknown,
): boolean {
  if (letter !== null && !isRaciLetter(letter)) {
    throw new PlanValidationError('setResponsibility', [
      { path: 'letter', message: `expected one of ${RACI_LETTERS.join(', ')}` },
    ]);
  }
  return transact(doc, origin, () => {
    const map = recordOf(doc, owner.kind === 'phase' ? 'phases' : 'formats', owner.id);
    if (!map) return false;
    if (letter !== null && !recordOf(doc, 'stakeholders', stakeholderId)) {
      throw new PlanValidationError('setResponsibility', [
        { path: 'stakeholderId', message: `no stakeholder with id ${stakeholderId}` },
      ]);
    }
    writeResponsibility(map, stakeholderId, letter);
    return true;
  });
}

/** Drops a removed stakeholder's letters from every phase and format (used by its removal). */
export function deleteResponsibilitiesOf(doc: Y.Doc, stakeholderId: string): void {
  for (const name of ['phases', 'formats'] as const) {
    for (const map of collectionOf(doc, name).values()) {
      if (map instanceof Y.Map) writeResponsibility(map, stakeholderId, null);
    }
  }
}
