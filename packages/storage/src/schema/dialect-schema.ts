import type { DialectColumnTypes, SqlDialectName } from './column-types.js';

/**
 * The dialect-specific parts the shared migrations need. Each adapter defines one next to its
 * schema constants (`sqlite/sqlite-schema.ts`, `postgres/postgres-schema.ts`).
 */
export interface DialectSchema {
  readonly dialect: SqlDialectName;
  readonly columns: DialectColumnTypes;
  /** Statements creating the guard that rejects UPDATE and DELETE of an approved version. */
  readonly createApprovedVersionGuard: readonly string[];
  /** Statements removing that guard again (down migration). */
  readonly dropApprovedVersionGuard: readonly string[];
}

/**
 * Text every guard error carries, so callers can recognise it whatever the driver wraps it in.
 */
export const APPROVED_VERSION_IMMUTABLE = 'approved version is immutable';

/** True when `error` was raised by the approved-version guard of either dialect. */
export function isApprovedVersionImmutableError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(APPROVED_VERSION_IMMUTABLE);
}
