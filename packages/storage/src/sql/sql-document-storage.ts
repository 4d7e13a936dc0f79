import type { Kysely } from 'kysely';
import type { CompactionResult, DocumentStorage } from '../document-storage.js';
import { StorageClosedError } from '../errors.js';
import type { StorageLogger } from '../logger.js';
import { mergeLog, type LogEntry, type MergedLog } from '../merge-log.js';
import { MergeWorker } from '../merge-worker.js';
import type { SqlDialectName } from '../schema/column-types.js';
import type { Database } from '../schema/database.js';

/** Document names per `lastUpdatedAt` query, far below both dialects' bound parameters. */
const NAMES_PER_STATEMENT = 500;

const NOTHING_COMPACTED: CompactionResult = { mergedEntries: 0, bytes: 0 };

/**
 * Another compaction of the same document committed between our read and our write (thrown by
 * `replaceEntries`, which then changed nothing).
 */
export class LostCompactionRace extends Error {}

/**
 * What the SQLite and PostgreSQL adapters share: loading, the compaction's outline (read, merge
 * outside any transaction, write), counting, closing. Each adapter writes and reads the log its own
 * way (`appendUpdates`, `readLog`, `replaceEntries`): PostgreSQL through Kysely, SQLite through
 * prepared statements on its one connection.
 */
export abstract class SqlDocumentStorage implements DocumentStorage {
  /** @inheritdoc */
  abstract readonly kind: SqlDialectName;
  /**
   * The Kysely instance over this storage's database, for modules that own further tables of the
   * schema (versions, comments). Do not touch `document_updates` through it.
   */
  readonly db: Kysely<Database>;
  /** Receives corrupt-entry reports. */
  protected readonly logger: StorageLogger;
  readonly #pending = new Set<Promise<unknown>>();
  #closed = false;
  #closing: Promise<void> | null = null;
  readonly #mergeWorker: MergeWorker | null;

  /** `mergeInWorker`: compactions merge on a worker thread (see `MergeWorker`). */
  protected constructor(db: Kysely<Database>, logger: StorageLogger, mergeInWorker: boolean) {
    this.db = db;
    this.logger = logger;
    this.#mergeWorker = mergeInWorker ? new MergeWorker(logger) : null;
    this.#mergeWorker?.start();
  }

  /** @inheritdoc */
  loadDocument(name: string): Promise<Uint8Array | null> {
    return this.run(async () => {
      const entries = await this.readLog(name);
      if (entries.length === 0) return null;
      return mergeLog(name, entries, this.logger).update;
    });
  }

  /** @inheritdoc */
  abstract appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void>;

  /**
   * @inheritdoc
   *
   * The merge, the expensive part, runs outside any transaction, so appends never wait for it:
   * read the log, merge it, then one short transaction writes the result into the first merged
   * entry and deletes exactly the other merged entries. Appends made meanwhile get higher ids, are
   * untouched, and still come after the merged entry (`placeOfMerged`). If another
   * compaction of the same document got there first (fewer rows deleted than merged), the
   * transaction rolls back and this one reports that it merged nothing. Fewer than two readable
   * entries leave the log untouched; corrupt entries are reported and kept (see `mergeLog`).
   */
  compact(name: string): Promise<CompactionResult> {
    return this.run(async () => {
      const entries = await this.readLog(name);
      if (entries.length < 2) return NOTHING_COMPACTED;
      const { update, mergedIds } = await this.#mergeForCompaction(name, entries);
      if (mergedIds.length < 2) return NOTHING_COMPACTED;
      try {
        await this.replaceEntries(name, mergedIds, update);
      } catch (error) {
        if (error instanceof LostCompactionRace) return NOTHING_COMPACTED;
        throw error;
      }
      return { mergedEntries: mergedIds.length, bytes: update.byteLength };
    });
  }

  /**
   * The compaction's write: in one transaction, `update` replaces the bytes of the entry with the
   * lowest of these ids, and the others are deleted (see `placeOfMerged`), never a range (an append
   * with a lower id may commit late under PostgreSQL; corrupt entries between them stay). Throws
   * `LostCompactionRace`, having changed nothing, when another compaction of the document got
   * there first (fewer rows found than merged).
   */
  protected abstract replaceEntries(
    name: string,
    ids: readonly number[],
    update: Uint8Array,
  ): Promise<void>;

  /** @inheritdoc */
  lastUpdatedAt(names: readonly string[]): Promise<Map<string, string>> {
    return this.run(async () => {
      const last = new Map<string, string>();
      const unique = [...new Set(names)];
      for (let start = 0; start < unique.length; start += NAMES_PER_STATEMENT) {
        const rows = await this.db
          .selectFrom('document_updates')
          .select((eb) => ['doc_name', eb.fn.max('created_at').as('last')])
          .where('doc_name', 'in', unique.slice(start, start + NAMES_PER_STATEMENT))
          .groupBy('doc_name')
          .execute();
        for (const row of rows) last.set(row.doc_name, row.last);
      }
      return last;
    });
  }

  /** @inheritdoc */
  countUpdates(name: string): Promise<number> {
    return this.run(async () => {
      const row = await this.db
        .selectFrom('document_updates')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('doc_name', '=', name)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    });
  }

  /**
   * @inheritdoc
   *
   * Waits for calls already running (a shutdown flush must not be cut off), then releases the
   * connection(s). Every caller gets the same promise, so none returns before the connection is
   * closed.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#pending]);
    await this.#mergeWorker?.close();
    await this.stopBackgroundWork();
    await this.db.destroy();
  }

  /** An adapter's own threads or timers, stopped after the last call and before the connection. */
  protected async stopBackgroundWork(): Promise<void> {}

  /**
   * On the worker when there is one. If it cannot merge (a corrupt entry, or the thread is gone),
   * `mergeLog` merges here, entry by entry where needed, and reports what it skipped.
   */
  async #mergeForCompaction(name: string, entries: readonly LogEntry[]): Promise<MergedLog> {
    if (this.#mergeWorker) {
      try {
        const update = await this.#mergeWorker.merge(entries.map((entry) => entry.data));
        return { update, mergedIds: entries.map((entry) => entry.id), corruptIds: [] };
      } catch {
        // Falls through to the inline merge, which tells corrupt entries from good ones.
      }
    }
    return mergeLog(name, entries, this.logger);
  }

  /** The document's log in id order. */
  protected abstract readLog(name: string): Promise<LogEntry[]>;

  /**
   * Runs an operation unless the storage is closed, and tracks it so `close` can wait for it.
   * Adapters wrap their own fast paths with it too.
   */
  protected run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new StorageClosedError(this.kind));
    const promise = operation();
    this.#pending.add(promise);
    const forget = (): void => {
      this.#pending.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }
}
