import type { Kysely } from 'kysely';
import type { DocumentStorage } from '../document-storage.js';
import type { Database } from '../schema/database.js';
import { SqlDocumentStorage } from './sql-document-storage.js';

/** True when `storage` is backed by SQL (SQLite or PostgreSQL) and has a Kysely instance. */
export function isSqlStorage(storage: DocumentStorage): storage is SqlDocumentStorage {
  return storage instanceof SqlDocumentStorage;
}

/**
 * The Kysely instance behind a SQL storage, for modules owning further tables (versions,
 * comments). Throws for the in-memory adapter, which has no database.
 */
export function getDatabase(storage: DocumentStorage): Kysely<Database> {
  if (!isSqlStorage(storage)) {
    throw new Error(
      `storage: the ${storage.kind} storage has no SQL database; versions and comments need SQLite or PostgreSQL`,
    );
  }
  return storage.db;
}
