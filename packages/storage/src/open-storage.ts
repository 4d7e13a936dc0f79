import { UnsupportedDatabaseUrlError } from './errors.js';
import type { StorageLogger } from './logger.js';
import { SqliteDocumentStorage, type SqliteSynchronous } from './sqlite/sqlite-document-storage.js';
import type { SqlDocumentStorage } from './sql/sql-document-storage.js';

/** Options of `openStorage`. */
export interface OpenStorageOptions {
  /**
   * The deployment's `DATABASE_URL` (pass `process.env.DATABASE_URL`; this package reads no
   * environment itself). `postgres://` or `postgresql://` selects PostgreSQL; unset or empty
   * selects SQLite in `dataDir`; any other scheme is an error.
   */
  readonly databaseUrl?: string;
  /** Directory of the SQLite file; required when `databaseUrl` is unset. */
  readonly dataDir?: string;
  /** PostgreSQL schema for the tables (created if missing); default `public`. */
  readonly postgresSchema?: string;
  /** SQLite `synchronous` setting (see `SqliteSynchronous`); default `NORMAL`. */
  readonly sqliteSynchronous?: SqliteSynchronous;
  /** SQLite: checkpoint the WAL on a background thread (see `WalCheckpointer`); default off. */
  readonly sqliteBackgroundCheckpoints?: boolean;
  /** Compactions merge on a worker thread (see `MergeWorker`); default off. */
  readonly mergeInWorker?: boolean;
  /** Receives warnings and corrupt-entry reports; default `console.warn`. */
  readonly logger?: StorageLogger;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Opens the storage the configuration asks for and migrates its schema: PostgreSQL when
 * `databaseUrl` is a PostgreSQL URL, otherwise the SQLite file in `dataDir`. The in-memory adapter
 * is never chosen here (it would lose data silently); tests construct it directly.
 */
export async function openStorage(options: OpenStorageOptions): Promise<SqlDocumentStorage> {
  const url = options.databaseUrl?.trim() ?? '';
  if (url !== '') {
    if (!POSTGRES_URL.test(url)) {
      throw new UnsupportedDatabaseUrlError(/^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1] ?? '(none)');
    }
    // Loaded on demand: the pg driver costs memory and start-up time the SQLite default never needs.
    const { PostgresDocumentStorage } = await import('./postgres/postgres-document-storage.js');
    return PostgresDocumentStorage.open({
      connectionString: url,
      schema: options.postgresSchema,
      mergeInWorker: options.mergeInWorker,
      logger: options.logger,
    });
  }
  if (options.dataDir === undefined || options.dataDir.trim() === '') {
    throw new Error(
      'storage: no data directory configured. Set the data directory for the SQLite file, or ' +
        'DATABASE_URL=postgres://… to use PostgreSQL.',
    );
  }
  return SqliteDocumentStorage.open({
    dataDir: options.dataDir,
    synchronous: options.sqliteSynchronous,
    backgroundCheckpoints: options.sqliteBackgroundCheckpoints,
    mergeInWorker: options.mergeInWorker,
    logger: options.logger,
  });
}
