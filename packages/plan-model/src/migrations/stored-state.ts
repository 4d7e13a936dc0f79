import * as Y from 'yjs';
import { migrateDoc } from './index.js';

/** Origin of the migration's transaction, for observers that want to tell it apart. */
export const MIGRATION_ORIGIN = 'plan-model/migration';

/**
 * The update that brings a stored plan document (its encoded state) to the current schema
 * version, or null when nothing needs to change (current already, or not a plan). For the one
 * party that migrates documents: the collab-server, when it loads one, stores this update before
 * anybody syncs, so clients only ever see migrated documents.
 */
export function migrationUpdate(state: Uint8Array): Uint8Array | null {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    if (migrateDoc(doc, MIGRATION_ORIGIN).length === 0) return null;
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
