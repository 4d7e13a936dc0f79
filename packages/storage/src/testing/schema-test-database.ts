import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { PostgresDocumentStorage } from '../postgres/postgres-document-storage.js';
import type { Database } from '../schema/database.js';
import type { SqlDocumentStorage } from '../sql/sql-document-storage.js';
import { SqliteDocumentStorage } from '../sqlite/sqlite-document-storage.js';
import {
  TEST_DATABASE_URL,
  dropPostgresSchema,
  uniquePostgresSchema,
} from './postgres-test-database.js';

/** One test's database with the storage schema, and how to dispose of it. */
export interface SchemaTestContext {
  readonly db: Kysely<Database>;
  readonly teardown: () => Promise<void>;
}

/** A {@link SchemaTestContext} with the storage that owns `db`. */
export interface SqlTestDatabase extends SchemaTestContext {
  readonly storage: SqlDocumentStorage;
  /** The PostgreSQL schema holding the tables (for a test's own migrator); unset for SQLite. */
  readonly tableSchema?: string;
}

const quiet = (): void => {};

/**
 * A migrated SQLite file in a fresh temporary directory named after `prefix`; teardown closes it
 * and deletes the directory.
 */
export async function openSqliteSchemaDatabase(prefix = 'pw-storage-'): Promise<SqlTestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const storage = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
  return {
    storage,
    db: storage.db,
    teardown: async () => {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A migrated schema of its own (named after `prefix`) on the test PostgreSQL server; teardown
 * closes it and drops the schema.
 */
export async function openPostgresSchemaDatabase(prefix?: string): Promise<SqlTestDatabase> {
  const schema = uniquePostgresSchema(prefix);
  const storage = await PostgresDocumentStorage.open({
    connectionString: TEST_DATABASE_URL,
    schema,
    logger: quiet,
  });
  return {
    storage,
    db: storage.db,
    tableSchema: schema,
    teardown: async () => {
      await storage.close();
      await dropPostgresSchema(schema);
    },
  };
}

/** Runs `body` on a database from `setup` and disposes of it afterwards, also on failure. */
export async function withSchemaDatabase(
  setup: () => Promise<SchemaTestContext>,
  body: (db: Kysely<Database>) => Promise<void>,
): Promise<void> {
  const { db, teardown } = await setup();
  try {
    await body(db);
  } finally {
    await teardown();
  }
}
