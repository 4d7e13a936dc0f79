import { migrationUpdate, storedInlineContributions } from '@prozesswerkstatt/plan-model';
import {
  getDatabase,
  inlineContributionRows,
  insertContributions,
  isSqlStorage,
  type DocumentStorage,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';

/**
 * Moves the contributions a stored plan document still holds inline (schema 3 and older) into
 * storage's tables, before migration 004 removes them from the document. Idempotent: a row is
 * found again by its source reference, so a load that failed between this and the migration
 * copies nothing twice. False when they cannot be moved (no SQL storage, or no plan row for the
 * document): the document then stays unmigrated rather than lose them.
 */
async function moveInlineContributions(
  storage: DocumentStorage,
  name: string,
  stored: Uint8Array,
): Promise<boolean> {
  const rows = inlineContributionRows(storedInlineContributions(stored), new Date().toISOString());
  if (rows.length === 0) return true;
  if (!isSqlStorage(storage)) return false;
  const db = getDatabase(storage);
  const plan = await db
    .selectFrom('plans')
    .select('id')
    .where('doc_name', '=', name)
    .executeTakeFirst();
  if (!plan) return false;
  await insertContributions({ db }, plan.id, rows, null);
  return true;
}

/**
 * Brings a plan document of an older schema version up to date as it is loaded, before any
 * client syncs: the migration's update is stored like any edit and is part of the state the
 * room serves. So one party converts each document (for plan/003, strings into `Y.Text`; for
 * plan/004, contributions into storage's tables first), and browsers never race each other
 * converting the same field. Documents that are current, or not plans, are returned untouched
 * (the check decodes the state once per load).
 */
export async function migrateStoredDocument(
  storage: DocumentStorage,
  name: string,
  stored: Uint8Array | null,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<{ state: Uint8Array | null; appended: number }> {
  const update = stored && migrationUpdate(stored);
  if (!stored || !update) return { state: stored, appended: 0 };
  if (!(await moveInlineContributions(storage, name, stored))) {
    warn(`collab: ${name} keeps its old schema: its contributions have no table to move to`);
    return { state: stored, appended: 0 };
  }
  await storage.appendUpdates(name, [update]);
  return { state: Y.mergeUpdates([stored, update]), appended: 1 };
}
