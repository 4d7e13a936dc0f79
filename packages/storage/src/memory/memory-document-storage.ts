import type { CompactionResult, DocumentStorage } from '../document-storage.js';
import { StorageClosedError } from '../errors.js';
import { defaultLogger, type StorageLogger } from '../logger.js';
import { mergeLog, placeOfMerged, type LogEntry } from '../merge-log.js';

/** Options of the in-memory adapter. */
export interface MemoryDocumentStorageOptions {
  /** Receives the "nothing is persisted" warning and corrupt-entry reports. */
  readonly logger?: StorageLogger;
}

/**
 * Keeps the update log in process memory: for tests and benchmarks only. Everything is lost when
 * the process ends, which is why constructing one warns loudly through the logger.
 */
export class MemoryDocumentStorage implements DocumentStorage {
  /** @inheritdoc */
  readonly kind = 'memory';
  readonly #logs = new Map<string, LogEntry[]>();
  /** ISO time of each document's last append (compaction keeps it, as the SQL adapters do). */
  readonly #lastAppend = new Map<string, string>();
  readonly #logger: StorageLogger;
  #nextId = 1;
  #closed = false;

  constructor(options: MemoryDocumentStorageOptions = {}) {
    this.#logger = options.logger ?? defaultLogger;
    this.#logger(
      'storage: IN-MEMORY storage in use - NOTHING IS PERSISTED, every document is lost when the ' +
        'process ends. Use it for tests and benchmarks only.',
    );
  }

  /** @inheritdoc */
  async loadDocument(name: string): Promise<Uint8Array | null> {
    const log = this.#log(name);
    if (log.length === 0) return null;
    return mergeLog(name, log, this.#logger).update;
  }

  /** @inheritdoc */
  async appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void> {
    this.#ensureOpen();
    if (updates.length === 0) return;
    // Copies: the caller may reuse its buffers, a database would not see that either.
    const entries = updates.map((data) => ({ id: this.#nextId++, data: Uint8Array.from(data) }));
    const log = this.#logs.get(name);
    if (log === undefined) this.#logs.set(name, entries);
    else log.push(...entries);
    this.#lastAppend.set(name, new Date().toISOString());
  }

  /** @inheritdoc */
  async compact(name: string): Promise<CompactionResult> {
    const log = this.#log(name);
    if (log.length < 2) return { mergedEntries: 0, bytes: 0 };
    // Runs synchronously from here on, so no append can interleave: the swap is atomic.
    const { update, mergedIds } = mergeLog(name, log, this.#logger);
    // The result takes the place of the first entry it merged, as in the SQL adapters: the log
    // stays in causal order.
    const { keep, remove } = placeOfMerged(mergedIds);
    const removed = new Set(remove);
    const kept = log.flatMap((entry) =>
      entry.id === keep ? [{ id: keep, data: update }] : removed.has(entry.id) ? [] : [entry],
    );
    this.#logs.set(name, kept);
    return { mergedEntries: mergedIds.length, bytes: update.byteLength };
  }

  /** @inheritdoc */
  async lastUpdatedAt(names: readonly string[]): Promise<Map<string, string>> {
    this.#ensureOpen();
    const last = new Map<string, string>();
    for (const name of names) {
      const at = this.#lastAppend.get(name);
      if (at !== undefined) last.set(name, at);
    }
    return last;
  }

  /** @inheritdoc */
  async countUpdates(name: string): Promise<number> {
    return this.#log(name).length;
  }

  /** @inheritdoc */
  async close(): Promise<void> {
    this.#closed = true;
    this.#logs.clear();
    this.#lastAppend.clear();
  }

  #log(name: string): readonly LogEntry[] {
    this.#ensureOpen();
    return this.#logs.get(name) ?? [];
  }

  #ensureOpen(): void {
    if (this.#closed) throw new StorageClosedError(this.kind);
  }
}
