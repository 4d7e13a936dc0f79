import type { Kysely, Migration } from 'kysely';
import { oneOf, type DialectColumnTypes } from './column-types.js';
import { METHOD_ORIGINS, METHOD_REVISION_KINDS } from './methods-tables.js';

/**
 * storage-0011: the facilitators' method library (issue #19). One row per method with its whole
 * content as JSON (validated by `@prozesswerkstatt/method-library` before every write), and one
 * revision per change, so the history shows who changed what when. Methods belong to the whole
 * network, not to a plan.
 */
export function methodsMigration(types: DialectColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('methods')
        .addColumn('id', 'text', (col) => col.primaryKey())
        // JSON of the method's content (names and texts in German and English, level, mode, …).
        .addColumn('content', 'text', (col) => col.notNull())
        .addColumn('origin', 'text', (col) => col.notNull())
        // Hash of the seed content last written; seeding updates a method only while nobody
        // edited it (`edited` = 0), and only when its seed text changed.
        .addColumn('seed_hash', 'text')
        .addColumn('edited', 'integer', (col) => col.notNull().defaultTo(0))
        // Optimistic concurrency: every update checks and increments it.
        .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addColumn('updated_by', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addCheckConstraint('methods_origin_check', oneOf('origin', METHOD_ORIGINS))
        .execute();

      await db.schema
        .createTable('method_revisions')
        .addColumn('method_id', 'text', (col) =>
          col.notNull().references('methods.id').onDelete('cascade'),
        )
        // 1 for the creation, then one more per change.
        .addColumn('revision', 'integer', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        // The content after this change (JSON), so any two revisions can be compared.
        .addColumn('content', 'text', (col) => col.notNull())
        // JSON array of the method fields this revision changed (empty for a creation).
        .addColumn('changed_fields', 'text', (col) => col.notNull())
        // Null for the seed; a deleted account leaves its revisions without a name.
        .addColumn('author_id', 'text', (col) => col.references('users.id').onDelete('set null'))
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addPrimaryKeyConstraint('method_revisions_pk', ['method_id', 'revision'])
        .addCheckConstraint('method_revisions_kind_check', oneOf('kind', METHOD_REVISION_KINDS))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('method_revisions').execute();
      await db.schema.dropTable('methods').execute();
    },
  };
}
