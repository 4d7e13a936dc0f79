import { COLUMN_TYPES } from '../schema/column-types.js';
import { APPROVED_VERSION_IMMUTABLE, type DialectSchema } from '../schema/dialect-schema.js';

/**
 * Rejects UPDATE and DELETE of an approved version (DESIGN: approved versions are immutable). One
 * function serves both tables: for `version_approvals` it looks up the parent version.
 * `TRUNCATE` bypasses row triggers; only an administrator can issue it anyway.
 */
export const CREATE_APPROVED_VERSION_GUARD_FUNCTION = `
CREATE OR REPLACE FUNCTION storage_guard_approved_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parent_status text;
BEGIN
  IF TG_TABLE_NAME = 'versions' THEN
    parent_status := OLD.status;
  ELSE
    SELECT status INTO parent_status FROM versions WHERE id = OLD.version_id;
  END IF;
  IF parent_status = 'approved' THEN
    RAISE EXCEPTION '${APPROVED_VERSION_IMMUTABLE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$`;

/** Fires the guard on every changed or deleted version. */
export const CREATE_VERSIONS_GUARD_TRIGGER = `
CREATE TRIGGER versions_approved_immutable
BEFORE UPDATE OR DELETE ON versions
FOR EACH ROW EXECUTE FUNCTION storage_guard_approved_version()`;

/** Fires the guard on every changed or deleted approval. */
export const CREATE_APPROVALS_GUARD_TRIGGER = `
CREATE TRIGGER version_approvals_immutable
BEFORE UPDATE OR DELETE ON version_approvals
FOR EACH ROW EXECUTE FUNCTION storage_guard_approved_version()`;

/** The PostgreSQL side of the shared migrations. */
export const POSTGRES_SCHEMA: DialectSchema = {
  dialect: 'postgres',
  columns: COLUMN_TYPES.postgres,
  createApprovedVersionGuard: [
    CREATE_APPROVED_VERSION_GUARD_FUNCTION,
    CREATE_VERSIONS_GUARD_TRIGGER,
    CREATE_APPROVALS_GUARD_TRIGGER,
  ],
  dropApprovedVersionGuard: [
    'DROP TRIGGER IF EXISTS version_approvals_immutable ON version_approvals',
    'DROP TRIGGER IF EXISTS versions_approved_immutable ON versions',
    'DROP FUNCTION IF EXISTS storage_guard_approved_version()',
  ],
};
