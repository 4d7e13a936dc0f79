/**
 * `@prozesswerkstatt/storage`: persistence of Yjs documents (an append-only update log plus
 * compaction) and the SQL schema for versions and comments, on SQLite or PostgreSQL.
 */
export type { CompactionResult, DocumentStorage } from './document-storage.js';
export { StorageClosedError, UnsupportedDatabaseUrlError } from './errors.js';
export { defaultLogger, type StorageLogger } from './logger.js';
export { applyInCausalOrder } from './apply-in-causal-order.js';
export { mergeLog, type LogEntry, type MergedLog } from './merge-log.js';
export { openStorage, type OpenStorageOptions } from './open-storage.js';
export {
  MemoryDocumentStorage,
  type MemoryDocumentStorageOptions,
} from './memory/memory-document-storage.js';
export {
  SqliteDocumentStorage,
  type SqliteDocumentStorageOptions,
  type SqliteSynchronous,
} from './sqlite/sqlite-document-storage.js';
// The PostgreSQL adapter is its own entry (`@prozesswerkstatt/storage/postgres`) so that importing
// this one does not load the pg driver; `openStorage` loads it when DATABASE_URL asks for it.
export type { PostgresDocumentStorageOptions } from './postgres/postgres-document-storage.js';
export { SqlDocumentStorage } from './sql/sql-document-storage.js';
export { getDatabase, isSqlStorage } from './sql/get-database.js';
export type { SqlDialectName } from './schema/column-types.js';
export {
  APPROVED_VERSION_IMMUTABLE,
  isApprovedVersionImmutableError,
} from './schema/dialect-schema.js';
export type * from './schema/database.js';
export { ACTIVITY_KINDS } from './schema/activity-kinds.js';
export {
  listVersionOpenThreadSnapshots,
  recordOpenThreads,
  type OpenThreadSnapshot,
  type VersionOpenThread,
} from './schema/version-open-threads.js';
export type * from './schema/results-tables.js';
export * from './schema/results-values.js';
export {
  CONTRIBUTION_LIMITS,
  importedReplySchema,
  newContributionSchema,
  type NewContribution,
  type ValidNewContribution,
} from './results/contribution-input.js';
export {
  RECEIPT_ALPHABET,
  formatReceiptCode,
  newReceiptCode,
  normalizeReceiptCode,
} from './results/receipt-code.js';
export * from './results/index.js';
export type * from './schema/methods-tables.js';
export { METHOD_ORIGINS, METHOD_REVISION_KINDS } from './schema/methods-tables.js';
export * from './methods/index.js';
