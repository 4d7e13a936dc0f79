import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import type { DialectSchema } from './dialect-schema.js';
import { storageMigrations } from './migrations.js';

/** Kysely's bookkeeping tables for this package, namespaced so other packages can keep their own. */
export const MIGRATION_TABLE = 'storage_migrations';
/** Lock table of the migrator (used by dialects without advisory locks). */
export const MIGRATION_LOCK_TABLE = 'storage_migrations_lock';

/** Where the storage schema is kept. */
export interface MigrateOptions {
  /** PostgreSQL schema holding the tables; unset for SQLite. */
  readonly tableSchema?: string;
}

/**
 * Brings the database to the latest storage schema. Throws with the failing migration's name when
 * one fails (Kysely rolls that migration back where the dialect supports transactional DDL).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  schema: DialectSchema,
  options: MigrateOptions = {},
): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () => storageMigrations(schema),
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    // Without an explicit schema Kysely looks for its table in *any* PostgreSQL schema and could
    // mistake another schema's bookkeeping for ours.
    ...(options.tableSchema === undefined ? {} : { migrationTableSchema: options.tableSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`storage: database migration ${failed ?? '(unknown)'} failed`, {
      cause: error,
    });
  }
}
