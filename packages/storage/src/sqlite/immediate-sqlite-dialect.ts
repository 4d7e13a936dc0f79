import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver, but every transaction starts with `BEGIN IMMEDIATE`.
 *
 * The app and the collab-server write the same database file from two processes. A deferred
 * transaction that reads first and writes later cannot wait for the other process's write lock:
 * in WAL mode SQLite answers the upgrade with SQLITE_BUSY at once (the busy timeout does not
 * apply), so an invitation accepted while someone edits the plan failed with "database is
 * locked". Taking the write lock at BEGIN makes the busy timeout apply instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** `SqliteDialect` whose transactions take the write lock when they begin. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
