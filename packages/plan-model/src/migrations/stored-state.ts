import * as Y from 'yjs';
import { readInlineContributions, type InlineContribution } from './004_contributions_to_tables.js';
import { migrateDoc } from './index.js';
import { getSchemaVersion } from '../records/meta.js';

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

/**
 * The contributions a stored plan document still holds inline (schema 3 or older), which
 * migration 004 removes: the collab-server writes them to storage's tables first. Empty for a
 * current document.
 */
export function storedInlineContributions(state: Uint8Array): InlineContribution[] {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    const version = getSchemaVersion(doc);
    if (version === 0 || version >= 4) return [];
    return readInlineContributions(doc);
  } finally {
    doc.destroy();
  }
}
