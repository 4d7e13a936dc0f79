import * as Y from 'yjs';
import type { StorageLogger } from './logger.js';

/** One stored log entry as the adapters read it. */
export interface LogEntry {
  readonly id: number;
  readonly data: Uint8Array;
}

/** The outcome of merging a document's log. */
export interface MergedLog {
  /** All readable entries merged into one update. */
  readonly update: Uint8Array;
  /** Ids of the entries that went into `update`. */
  readonly mergedIds: readonly number[];
  /** Ids of entries that could not be decoded and were left out. */
  readonly corruptIds: readonly number[];
}

/** The update of an empty document, returned when every entry is unreadable. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Merges a document's log entries with `Y.mergeUpdates`. If that throws because one entry is
 * corrupt, the document is not given up: the entries are merged one by one, every unreadable entry
 * is skipped and reported through `logger`, and the rest is returned. Callers must not delete the
 * corrupt entries (they are kept for forensic recovery), only the merged ones.
 */
export function mergeLog(
  docName: string,
  entries: readonly LogEntry[],
  logger: StorageLogger,
): MergedLog {
  const allIds = entries.map((entry) => entry.id);
  try {
    // A single entry is returned unparsed by `Y.mergeUpdates`; merging it with the empty update
    // forces a full decode so a lone corrupt entry is caught here too, not later in the caller.
    const parts = entries.map((entry) => entry.data);
    const update = Y.mergeUpdates(parts.length === 1 ? [...parts, EMPTY_UPDATE] : parts);
    return { update, mergedIds: allIds, corruptIds: [] };
  } catch {
    return mergeOneByOne(docName, entries, logger);
  }
}

function mergeOneByOne(
  docName: string,
  entries: readonly LogEntry[],
  logger: StorageLogger,
): MergedLog {
  let update = EMPTY_UPDATE;
  const mergedIds: number[] = [];
  const corruptIds: number[] = [];
  for (const entry of entries) {
    try {
      update = Y.mergeUpdates([update, entry.data]);
      mergedIds.push(entry.id);
    } catch (error) {
      corruptIds.push(entry.id);
      const reason = error instanceof Error ? error.message : String(error);
      logger(
        `storage: skipped corrupt log entry ${entry.id} of document "${docName}" ` +
          `(${entry.data.byteLength} bytes): ${reason}. The entry is kept in the database.`,
      );
    }
  }
  return { update, mergedIds, corruptIds };
}
