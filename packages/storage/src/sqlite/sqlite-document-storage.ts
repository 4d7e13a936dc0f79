import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import { defaultLogger, type StorageLogger } from '../logger.js';
import type { LogEntry } from '../merge-log.js';
import type { Database } from '../schema/database.js';
import { migrateToLatest } from '../schema/migrate.js';
import { SqlDocumentStorage } from '../sql/sql-document-storage.js';
import {
  PRAGMA_FOREIGN_KEYS,
  PRAGMA_JOURNAL_MODE,
  SQLITE_FILE_NAME,
  SQLITE_SCHEMA,
} from './sqlite-schema.js';

/**
 * SQLite's `synchronous` setting, i.e. when a commit waits for the disk:
 *
 * - `NORMAL` (default): in WAL mode a commit is written to the WAL file before `appendUpdates`
 *   resolves, and fsync happens at checkpoints. Durable when the *process* dies (crash, SIGKILL),
 *   which is what the collab-server promises; after a power cut or OS crash the last few commits
 *   may be rolled back (the database is never corrupted).
 * - `FULL`: additionally fsyncs the WAL on every commit, so commits survive power loss too, at the
 *   price of one fsync per append (typically 1-10 ms on SSDs, more on network disks).
 * - `EXTRA`: `FULL` plus fsync of the directory; for file systems that need it.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL' | 'EXTRA';

/** Options of the SQLite adapter. */
export interface SqliteDocumentStorageOptions {
  /** Directory holding `prozesswerkstatt.sqlite` (created if missing). */
  readonly dataDir: string;
  /** See `SqliteSynchronous`; default `NORMAL`. */
  readonly synchronous?: SqliteSynchronous;
  /**
   * How long a statement waits for another connection's lock (a backup tool, a second process)
   * before failing with SQLITE_BUSY; default 5000 ms.
   */
  readonly busyTimeoutMs?: number;
  /** Receives corrupt-entry reports; default `console.warn`. */
  readonly logger?: StorageLogger;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded default: one SQLite file in WAL mode through better-sqlite3 and Kysely.
 *
 * Kysely's SQLite driver serialises all queries over the single connection, and a transaction holds
 * that connection until it commits, so a compaction (one transaction) cannot interleave with an
 * append even though each await yields to the event loop.
 */
export class SqliteDocumentStorage extends SqlDocumentStorage {
  /** @inheritdoc */
  readonly kind = 'sqlite';
  /** Absolute or relative path of the database file. */
  readonly path: string;

  private constructor(db: Kysely<Database>, path: string, logger: StorageLogger) {
    super(db, logger);
    this.path = path;
  }

  /** Opens (creating if needed) `<dataDir>/prozesswerkstatt.sqlite` and migrates its schema. */
  static async open(options: SqliteDocumentStorageOptions): Promise<SqliteDocumentStorage> {
    await mkdir(options.dataDir, { recursive: true });
    const path = join(options.dataDir, SQLITE_FILE_NAME);
    const connection = new BetterSqlite3(path);
    try {
      connection.pragma(PRAGMA_JOURNAL_MODE);
      connection.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
      connection.pragma(PRAGMA_FOREIGN_KEYS);
    } catch (error) {
      connection.close();
      throw error;
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
    try {
      await migrateToLatest(db, SQLITE_SCHEMA);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new SqliteDocumentStorage(db, path, options.logger ?? defaultLogger);
  }

  /** Nothing to do: the transaction already owns the only connection (see the class comment). */
  protected override async lockForCompaction(): Promise<void> {}

  /**
   * `id <= last read id` is exact here because nothing else can commit on this connection while
   * the transaction runs; corrupt entries are excluded so they stay for recovery.
   */
  protected override async deleteMerged(
    trx: Transaction<Database>,
    name: string,
    mergedIds: readonly number[],
    entries: readonly LogEntry[],
  ): Promise<void> {
    const merged = new Set(mergedIds);
    const kept = entries.filter((entry) => !merged.has(entry.id)).map((entry) => entry.id);
    const lastId = mergedIds[mergedIds.length - 1] ?? 0;
    let query = trx
      .deleteFrom('document_updates')
      .where('doc_name', '=', name)
      .where('id', '<=', lastId);
    if (kept.length > 0) query = query.where('id', 'not in', kept);
    await query.execute();
  }
}
