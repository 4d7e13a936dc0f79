import { sql, type ColumnDataType, type Expression, type RawBuilder } from 'kysely';

/** The SQL dialects this package speaks. */
export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * Everything in the shared migrations that differs between SQLite and PostgreSQL. Keeping it in this
 * one table means a migration never branches on the dialect for a column.
 */
export interface DialectColumnTypes {
  /** Type of an auto-incrementing 64-bit primary key. */
  readonly autoIncrementId: ColumnDataType;
  /** Whether the primary key needs SQLite's `AUTOINCREMENT` (ids never reused after deletes). */
  readonly autoIncrementKeyword: boolean;
  /** Binary data. */
  readonly binary: ColumnDataType;
  /** A point in time (see `Timestamp` in `database.ts` for the read/write form). */
  readonly timestamp: ColumnDataType;
  /** Default expression for "now" in the `timestamp` type. */
  readonly now: RawBuilder<string>;
}

/** Column types per dialect. */
export const COLUMN_TYPES: Readonly<Record<SqlDialectName, DialectColumnTypes>> = {
  sqlite: {
    // AUTOINCREMENT, not just INTEGER PRIMARY KEY: without it SQLite may reuse the id of a deleted
    // (compacted) row, and compaction tells old entries from concurrent appends by id.
    autoIncrementId: 'integer',
    autoIncrementKeyword: true,
    binary: 'blob',
    timestamp: 'text',
    // Same shape as `Date.prototype.toISOString()`, so text ordering is time ordering.
    now: sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  },
  postgres: {
    autoIncrementId: 'bigserial',
    autoIncrementKeyword: false,
    binary: 'bytea',
    timestamp: 'timestamptz',
    now: sql<string>`now()`,
  },
};

/** A CHECK expression restricting `column` to `values` (identical SQL on both dialects). */
export function oneOf(column: string, values: readonly string[]): Expression<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}
