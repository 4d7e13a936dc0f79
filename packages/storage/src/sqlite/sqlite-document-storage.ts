import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { messageOf } from '../errors.js';
import { prepareOwnerOnlyDatabase } from './owner-only-files.js';
import { defaultLogger, type StorageLogger } from '../logger.js';
import { placeOfMerged, type LogEntry } from '../merge-log.js';
import type { Database } from '../schema/database.js';
import { migrateToLatest } from '../schema/migrate.js';
import { LostCompactionRace, SqlDocumentStorage } from '../sql/sql-document-storage.js';
import { WalCheckpointer, type CheckpointReport } from './wal-checkpointer.js';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect.js';
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
  /**
   * Checkpoint the WAL on a background thread instead of inside the commit that fills it (see
   * `WalCheckpointer`); default off. The collab-server turns it on: its commits sit between a
   * keystroke and its relay to everyone else.
   */
  readonly backgroundCheckpoints?: boolean;
  /** Interval of the background checkpoints; default one second. */
  readonly checkpointIntervalMs?: number;
  /** Observes each background checkpoint (tests, diagnostics). */
  readonly onCheckpoint?: (report: CheckpointReport) => void;
  /** Compactions merge on a worker thread (see `MergeWorker`); default off. */
  readonly mergeInWorker?: boolean;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const INSERT_UPDATE_SQL = 'insert into document_updates (doc_name, data) values (?, ?)';
const READ_LOG_SQL = 'select id, data from document_updates where doc_name = ? order by id';
/** Exactly the listed ids (a JSON array), never a range: corrupt entries between them stay. */
const DELETE_IDS_SQL =
  'delete from document_updates where doc_name = ? and id in (select value from json_each(?))';
/**
 * A compaction's result takes the place of the first entry it merged and the time of the newest
 * (see `placeOfMerged`); run before the delete, which removes the newest.
 */
const REPLACE_DATA_SQL =
  'update document_updates set data = ?, created_at = coalesce(' +
  '(select newest.created_at from document_updates as newest where newest.doc_name = ? and newest.id = ?), ' +
  'created_at) where doc_name = ? and id = ?';

/**
 * The embedded default: one SQLite file in WAL mode through better-sqlite3.
 *
 * The log (`document_updates`) is written and read in one way only: cached prepared statements run
 * synchronously on the connection (a batch or a compaction's write in one `BEGIN … COMMIT`), which
 * costs a fraction of building the query each time and never leaves the event loop between
 * statements. Everything else (versions, comments, accounts) goes through Kysely, whose driver
 * serialises queries over the same connection. While a Kysely transaction is open (it spans
 * awaits), no statement of ours may run — a write would commit or roll back with someone else's
 * transaction, a read would see its uncommitted rows — so the same statements then wait for the
 * connection in Kysely's queue (`#onConnection`).
 */
export class SqliteDocumentStorage extends SqlDocumentStorage {
  /** @inheritdoc */
  readonly kind = 'sqlite';
  /** Absolute or relative path of the database file. */
  readonly path: string;
  readonly #connection: BetterSqlite3.Database;
  readonly #appendOne: (name: string, update: Uint8Array) => void;
  readonly #appendAll: (appends: readonly QueuedAppend[]) => void;
  readonly #readLogNow: (name: string) => LogEntry[];
  readonly #replaceNow: (name: string, ids: readonly number[], update: Uint8Array) => void;
  /** Appends waiting for the next group commit. */
  #queue: QueuedAppend[] = [];
  /** The group commit scheduled for the end of the current event-loop turn, if any. */
  #commitScheduled: NodeJS.Immediate | null = null;
  #checkpointer: WalCheckpointer | null = null;
  /** Operations waiting in Kysely's queue for the connection (see `#onConnection`). */
  #waitingForConnection = 0;

  private constructor(
    db: Kysely<Database>,
    connection: BetterSqlite3.Database,
    path: string,
    logger: StorageLogger,
    mergeInWorker: boolean,
  ) {
    super(db, logger, mergeInWorker);
    this.path = path;
    this.#connection = connection;
    const insert = connection.prepare(INSERT_UPDATE_SQL);
    // A single statement is atomic by itself; BEGIN/COMMIT would only add two round trips.
    this.#appendOne = (name, update) => insert.run(name, asBuffer(update));
    this.#appendAll = connection.transaction((appends: readonly QueuedAppend[]) => {
      for (const { name, updates } of appends) {
        for (const update of updates) insert.run(name, asBuffer(update));
      }
    });
    const readLog = connection.prepare<[string], LogEntry>(READ_LOG_SQL);
    this.#readLogNow = (name) => readLog.all(name);
    const deleteIds = connection.prepare<[string, string]>(DELETE_IDS_SQL);
    const replaceData =
      connection.prepare<[Buffer, string, number, string, number]>(REPLACE_DATA_SQL);
    this.#replaceNow = connection.transaction(
      (name: string, ids: readonly number[], update: Uint8Array) => {
        const { keep, remove, newest } = placeOfMerged(ids);
        // Thrown inside the transaction function, it also rolls the other write back.
        if (replaceData.run(asBuffer(update), name, newest, name, keep).changes !== 1) {
          throw new LostCompactionRace();
        }
        if (deleteIds.run(name, JSON.stringify(remove)).changes !== remove.length) {
          throw new LostCompactionRace();
        }
      },
    );
  }

  /** Opens (creating if needed) `<dataDir>/prozesswerkstatt.sqlite` and migrates its schema. */
  static async open(options: SqliteDocumentStorageOptions): Promise<SqliteDocumentStorage> {
    const path = join(options.dataDir, SQLITE_FILE_NAME);
    await prepareOwnerOnlyDatabase(options.dataDir, path);
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
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: connection }),
    });
    try {
      await migrateToLatest(db, SQLITE_SCHEMA);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    const logger = options.logger ?? defaultLogger;
    const mergeInWorker = options.mergeInWorker ?? false;
    const storage = new SqliteDocumentStorage(db, connection, path, logger, mergeInWorker);
    if (options.backgroundCheckpoints) await storage.#checkpointInBackground(options, logger);
    return storage;
  }

  async #checkpointInBackground(
    options: SqliteDocumentStorageOptions,
    logger: StorageLogger,
  ): Promise<void> {
    const automaticPages = this.#connection.pragma('wal_autocheckpoint', { simple: true });
    this.#connection.pragma('wal_autocheckpoint = 0');
    const automaticAgain = (): void => {
      if (this.#connection.open) this.#connection.pragma(`wal_autocheckpoint = ${automaticPages}`);
    };
    try {
      this.#checkpointer = await WalCheckpointer.start({
        path: this.path,
        intervalMs: options.checkpointIntervalMs,
        busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
        logger,
        onFailure: automaticAgain,
        onCheckpoint: options.onCheckpoint,
      });
    } catch (error) {
      automaticAgain();
      logger(
        `storage: no WAL checkpoint thread (${messageOf(error)}); SQLite checkpoints automatically`,
      );
    }
  }

  /** The main connection's close, right after this, checkpoints what the thread left. */
  protected override async stopBackgroundWork(): Promise<void> {
    await this.#checkpointer?.stop();
  }

  /**
   * @inheritdoc
   *
   * Group commit: appends are committed at the end of the event-loop turn that made them
   * (`setImmediate`), all documents' together in one transaction. An idle server commits a lone
   * keystroke right after the callback that received it; a busy one, whose turns each handle many
   * messages, pays one commit per turn instead of one per keystroke (a commit, the WAL append of the
   * touched pages, costs several inserts). Each promise resolves only after its rows are committed.
   */
  override appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return this.run(async () => undefined);
    return this.run(
      () =>
        new Promise<void>((resolve, reject) => {
          this.#queue.push({ name, updates, resolve, reject });
          if (this.#commitScheduled) return;
          this.#commitScheduled = setImmediate(() => {
            this.#commitScheduled = null;
            this.#commitQueue();
          });
        }),
    );
  }

  #commitQueue(): void {
    const appends = this.#queue;
    if (appends.length === 0) return;
    this.#queue = [];
    this.#onConnection(() => this.#commitNow(appends)).catch((error: unknown) => {
      // Kysely could not hand over the connection: fail what is not committed.
      for (const item of appends) item.reject(error);
    });
  }

  /** Commits the appends, settling each one's promise. */
  #commitNow(appends: readonly QueuedAppend[]): void {
    try {
      const only = appends.length === 1 && appends[0]!.updates.length === 1 ? appends[0]! : null;
      if (only) this.#appendOne(only.name, only.updates[0]!);
      else this.#appendAll(appends);
      for (const item of appends) item.resolve();
    } catch {
      // One document's failure must not fail the others: retry each on its own.
      for (const item of appends) {
        try {
          this.#appendAll([item]);
          item.resolve();
        } catch (error) {
          item.reject(error);
        }
      }
    }
  }

  /**
   * Runs `statements` (synchronous, on the connection) right away when the connection is free, or
   * else after the Kysely transaction holding it and everything queued before: through Kysely's own
   * queue, which no transaction holds while it runs us. Later operations queue behind earlier ones
   * that wait, so appends commit in the order they were made.
   */
  #onConnection<T>(statements: () => T): Promise<T> {
    if (this.#waitingForConnection === 0 && !this.#connection.inTransaction) {
      try {
        return Promise.resolve(statements());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    this.#waitingForConnection += 1;
    return this.db
      .connection()
      .execute(async () => statements())
      .finally(() => {
        this.#waitingForConnection -= 1;
      });
  }

  /** @inheritdoc */
  protected override readLog(name: string): Promise<LogEntry[]> {
    return this.#onConnection(() => this.#readLogNow(name));
  }

  /**
   * @inheritdoc
   *
   * A second compaction of the same document cannot come between the statements (they run
   * synchronously); it finds fewer rows than it merged.
   */
  protected override replaceEntries(
    name: string,
    ids: readonly number[],
    update: Uint8Array,
  ): Promise<void> {
    return this.#onConnection(() => this.#replaceNow(name, ids, update));
  }
}

/** One `appendUpdates` call waiting for the group commit. */
interface QueuedAppend {
  name: string;
  updates: readonly Uint8Array[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** better-sqlite3 binds Buffers as BLOBs; wrap without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
