import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { defaultLogger, type StorageLogger } from '../logger.js';
import { placeOfMerged, type LogEntry } from '../merge-log.js';
import type { Database } from '../schema/database.js';
import { migrateToLatest } from '../schema/migrate.js';
import { LostCompactionRace, SqlDocumentStorage } from '../sql/sql-document-storage.js';
import { POSTGRES_SCHEMA } from './postgres-schema.js';

/**
 * First key of the two-key advisory lock taken per document during compaction, so our locks can
 * never collide with single-key advisory locks of other code (e.g. Kysely's migration lock).
 * The value is arbitrary but fixed: ASCII "PWSC".
 */
export const COMPACTION_LOCK_NAMESPACE = 0x50575343;

/**
 * Rows per INSERT statement when appending, far below PostgreSQL's 65535 bound parameters (two per
 * row); large batches are rare: the collab-server appends per message.
 */
const APPEND_ROWS_PER_STATEMENT = 500;

/** PostgreSQL type ids whose default parsing does not fit the `Database` types. */
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

/** Options of the PostgreSQL adapter. */
export interface PostgresDocumentStorageOptions {
  /** `postgres://…` or `postgresql://…` connection URL. */
  readonly connectionString: string;
  /**
   * PostgreSQL schema holding the tables (created if missing); default `public`. Tests use a
   * unique schema per run and drop it afterwards.
   */
  readonly schema?: string;
  /** Maximum pool size; default 10. */
  readonly maxConnections?: number;
  /** Receives corrupt-entry reports; default `console.warn`. */
  readonly logger?: StorageLogger;
  /** Compactions merge on a worker thread (see `MergeWorker`); default off. */
  readonly mergeInWorker?: boolean;
}

/**
 * The deployment adapter: PostgreSQL through a `pg` pool and Kysely. Several collab-server
 * instances may share one database; compactions of one document are serialised by an advisory
 * lock, and appends never wait for a compaction.
 */
export class PostgresDocumentStorage extends SqlDocumentStorage {
  /** @inheritdoc */
  readonly kind = 'postgres';
  /** The schema holding the tables. */
  readonly schema: string;

  private constructor(
    db: Kysely<Database>,
    schema: string,
    logger: StorageLogger,
    mergeInWorker: boolean,
  ) {
    super(db, logger, mergeInWorker);
    this.schema = schema;
  }

  /** Connects, creates the schema if needed and migrates it. */
  static async open(options: PostgresDocumentStorageOptions): Promise<PostgresDocumentStorage> {
    const schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`storage: invalid PostgreSQL schema name "${schema}"`);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // Every connection resolves unqualified table names in our schema only.
      options: `-c search_path=${schema}`,
      types: { getTypeParser: typeParser },
    });
    const logger = options.logger ?? defaultLogger;
    // An idle client losing its connection (server restart, network) emits 'error' on the pool;
    // unhandled, that would crash the process. The pool replaces the client on the next query.
    pool.on('error', (error) => {
      logger(`storage: idle PostgreSQL connection failed: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      await migrateToLatest(db, POSTGRES_SCHEMA, { tableSchema: schema });
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new PostgresDocumentStorage(db, schema, logger, options.mergeInWorker ?? false);
  }

  /** @inheritdoc */
  override appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void> {
    return this.run(async () => {
      if (updates.length === 0) return;
      const rows = updates.map((data) => ({ doc_name: name, data }));
      if (rows.length <= APPEND_ROWS_PER_STATEMENT) {
        // One statement is atomic on its own: no BEGIN/COMMIT round trips on the hot path.
        await this.db.insertInto('document_updates').values(rows).execute();
        return;
      }
      await this.db.transaction().execute(async (trx) => {
        for (let start = 0; start < rows.length; start += APPEND_ROWS_PER_STATEMENT) {
          const chunk = rows.slice(start, start + APPEND_ROWS_PER_STATEMENT);
          await trx.insertInto('document_updates').values(chunk).execute();
        }
      });
    });
  }

  /** @inheritdoc */
  protected override readLog(name: string): Promise<LogEntry[]> {
    return this.db
      .selectFrom('document_updates')
      .select(['id', 'data'])
      .where('doc_name', '=', name)
      .orderBy('id')
      .execute();
  }

  /**
   * @inheritdoc
   *
   * A second compaction of the same document waits for the first one's advisory lock, then finds
   * fewer rows than it merged.
   */
  protected override async replaceEntries(
    name: string,
    ids: readonly number[],
    update: Uint8Array,
  ): Promise<void> {
    const { keep, remove, newest } = placeOfMerged(ids);
    await this.db.transaction().execute(async (trx) => {
      await lockForCompaction(trx, name);
      // Before the delete: the kept row takes the time of the newest merged entry.
      const replaced = await trx
        .updateTable('document_updates')
        .set((eb) => ({
          data: update,
          created_at: eb.fn.coalesce(
            eb
              .selectFrom('document_updates as newest')
              .select('newest.created_at')
              .where('newest.doc_name', '=', name)
              .where('newest.id', '=', newest),
            eb.ref('document_updates.created_at'),
          ),
        }))
        .where('doc_name', '=', name)
        .where('id', '=', keep)
        .executeTakeFirst();
      if (Number(replaced.numUpdatedRows) !== 1) throw new LostCompactionRace();
      const deleted = await deleteEntries(trx, name, remove);
      if (deleted !== remove.length) throw new LostCompactionRace();
    });
  }
}

/**
 * A transaction-scoped advisory lock per document: a second compaction of the same document waits
 * here, then reads the log as the first one left it. Appends do not take it.
 */
async function lockForCompaction(trx: Transaction<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${COMPACTION_LOCK_NAMESPACE}::int4, hashtext(${name}))`.execute(
    trx,
  );
}

/**
 * Deletes by the exact ids read, never by `id <= max`: under READ COMMITTED an append holding a
 * lower id may commit between our SELECT and DELETE, and a range would delete it unmerged.
 */
async function deleteEntries(
  trx: Transaction<Database>,
  name: string,
  ids: readonly number[],
): Promise<number> {
  const result = await trx
    .deleteFrom('document_updates')
    .where('doc_name', '=', name)
    .where(sql<boolean>`id = any(${[...ids]}::bigint[])`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * `bigint` (ids, `count(*)`) as a JS number rather than a string: ids stay far below 2^53, and a
 * larger value throws instead of silently losing precision. `timestamptz` as an ISO-8601 string, the
 * same form SQLite stores (see `Timestamp`).
 */
function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8_OID) return parseSafeInteger;
  if (oid === TIMESTAMPTZ_OID) return parseTimestamp;
  return format === 'binary'
    ? pg.types.getTypeParser(oid, 'binary')
    : pg.types.getTypeParser(oid, 'text');
}

function parseSafeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`storage: integer ${value} too large`);
  return parsed;
}

const parsePgTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text');

function parseTimestamp(value: string): string {
  const date: unknown = parsePgTimestamp(value);
  if (!(date instanceof Date)) return value;
  // `infinity` and friends have no ISO form; pass them through unchanged.
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
