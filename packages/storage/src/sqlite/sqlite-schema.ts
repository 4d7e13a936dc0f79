import { COLUMN_TYPES } from '../schema/column-types.js';
import { APPROVED_VERSION_IMMUTABLE, type DialectSchema } from '../schema/dialect-schema.js';

/** File name of the database inside `dataDir`. */
export const SQLITE_FILE_NAME = 'prozesswerkstatt.sqlite';

/**
 * Write-ahead log: readers never block the writer, and a commit is one sequential append to the
 * WAL file instead of a rewrite of database pages.
 */
export const PRAGMA_JOURNAL_MODE = 'journal_mode = WAL';

/** SQLite only enforces `REFERENCES … ON DELETE CASCADE` when asked to, per connection. */
export const PRAGMA_FOREIGN_KEYS = 'foreign_keys = ON';

/** Rejects UPDATE of an approved version (DESIGN: approved versions are immutable). */
export const CREATE_VERSIONS_IMMUTABLE_UPDATE_TRIGGER = `
CREATE TRIGGER versions_approved_immutable_update
BEFORE UPDATE ON versions
FOR EACH ROW WHEN OLD.status = 'approved'
BEGIN
  SELECT RAISE(ABORT, '${APPROVED_VERSION_IMMUTABLE}');
END`;

/** Rejects DELETE of an approved version. */
export const CREATE_VERSIONS_IMMUTABLE_DELETE_TRIGGER = `
CREATE TRIGGER versions_approved_immutable_delete
BEFORE DELETE ON versions
FOR EACH ROW WHEN OLD.status = 'approved'
BEGIN
  SELECT RAISE(ABORT, '${APPROVED_VERSION_IMMUTABLE}');
END`;

/** Keeps the record of who approved an approved version: its approvals cannot change either. */
export const CREATE_APPROVALS_IMMUTABLE_UPDATE_TRIGGER = `
CREATE TRIGGER version_approvals_immutable_update
BEFORE UPDATE ON version_approvals
FOR EACH ROW WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, '${APPROVED_VERSION_IMMUTABLE}');
END`;

/** Approvals of an approved version cannot be deleted. */
export const CREATE_APPROVALS_IMMUTABLE_DELETE_TRIGGER = `
CREATE TRIGGER version_approvals_immutable_delete
BEFORE DELETE ON version_approvals
FOR EACH ROW WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'approved'
BEGIN
  SELECT RAISE(ABORT, '${APPROVED_VERSION_IMMUTABLE}');
END`;

/** The SQLite side of the shared migrations. */
export const SQLITE_SCHEMA: DialectSchema = {
  dialect: 'sqlite',
  columns: COLUMN_TYPES.sqlite,
  createApprovedVersionGuard: [
    CREATE_VERSIONS_IMMUTABLE_UPDATE_TRIGGER,
    CREATE_VERSIONS_IMMUTABLE_DELETE_TRIGGER,
    CREATE_APPROVALS_IMMUTABLE_UPDATE_TRIGGER,
    CREATE_APPROVALS_IMMUTABLE_DELETE_TRIGGER,
  ],
  dropApprovedVersionGuard: [
    'DROP TRIGGER IF EXISTS versions_approved_immutable_update',
    'DROP TRIGGER IF EXISTS versions_approved_immutable_delete',
    'DROP TRIGGER IF EXISTS version_approvals_immutable_update',
    'DROP TRIGGER IF EXISTS version_approvals_immutable_delete',
  ],
};
