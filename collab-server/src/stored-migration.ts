import { migrationUpdate } from '@prozesswerkstatt/plan-model';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';

/**
 * Brings a plan document of an older schema version up to date as it is loaded, before any
 * client syncs: the migration's update is stored like any edit and is part of the state the
 * room serves. So one party converts each document (for plan/003, strings into `Y.Text`), and
 * browsers never race each other converting the same field. Documents that are current, or not
 * plans, are returned untouched (the check decodes the state once per load).
 */
export async function migrateStoredDocument(
  storage: Pick<DocumentStorage, 'appendUpdates'>,
  name: string,
  stored: Uint8Array | null,
): Promise<{ state: Uint8Array | null; appended: number }> {
  const update = stored && migrationUpdate(stored);
  if (!stored || !update) return { state: stored, appended: 0 };
  await storage.appendUpdates(name, [update]);
  return { state: Y.mergeUpdates([stored, update]), appended: 1 };
}
