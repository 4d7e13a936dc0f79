/**
 * Persistence of Yjs documents as an append-only log of updates plus compaction.
 *
 * Every adapter (SQLite, PostgreSQL, in-memory) implements exactly this interface and passes the
 * shared acceptance suite in `./testing/storage-acceptance.ts`. Document names are opaque strings
 * chosen by the caller (the collab-server uses the URL path, e.g. `plans/abc`).
 */
export interface DocumentStorage {
  /** Human-readable adapter kind, for logs and metrics (`sqlite`, `postgres`, `memory`). */
  readonly kind: string;

  /**
   * The document's whole state as one merged Yjs update (v1 encoding), or `null` when nothing was
   * ever stored under this name.
   */
  loadDocument(name: string): Promise<Uint8Array | null>;

  /**
   * Appends updates to the document's log in one durable transaction: when the promise resolves the
   * updates survive a crash of the process. Either all of them are stored or none.
   */
  appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void>;

  /**
   * Replaces the log entries present when compaction starts with one merged update, atomically:
   * updates appended concurrently are kept, and a reader sees either the old or the new log.
   */
  compact(name: string): Promise<CompactionResult>;

  /**
   * When each of the named documents last changed: the ISO-8601 time of its newest stored update
   * (a compaction keeps the time of the newest entry it merged). Documents never stored are not in
   * the map. One query for all names, e.g. for a list of plans.
   */
  lastUpdatedAt(names: readonly string[]): Promise<Map<string, string>>;

  /** Number of log entries currently stored for the document (0 when unknown). */
  countUpdates(name: string): Promise<number>;

  /** Closes connections and file handles. Further calls reject. */
  close(): Promise<void>;
}

/** What one compaction did. */
export interface CompactionResult {
  /** Log entries merged into one (0 when there was nothing to compact). */
  readonly mergedEntries: number;
  /** Size in bytes of the merged update written. */
  readonly bytes: number;
}
