import { sql, type Kysely, type Migration } from 'kysely';
import { oneOf } from './column-types.js';
import type { DialectSchema } from './dialect-schema.js';

/**
 * The storage schema as Kysely migrations, keyed by name. Append-only: a released migration is never
 * edited, a change is a new entry. Names carry the `storage-` namespace and a zero-padded number
 * because Kysely applies migrations in name order and other packages may keep their own.
 */
export function storageMigrations(schema: DialectSchema): Record<string, Migration> {
  const types = schema.columns;
  return {
    'storage-0001-document-updates': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('document_updates')
          .addColumn('id', types.autoIncrementId, (col) => {
            const key = col.primaryKey();
            return types.autoIncrementKeyword ? key.autoIncrement() : key;
          })
          .addColumn('doc_name', 'text', (col) => col.notNull())
          .addColumn('data', types.binary, (col) => col.notNull())
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .execute();
        // Every read and every compaction selects one document's entries in id order.
        await db.schema
          .createIndex('document_updates_doc_name_id')
          .on('document_updates')
          .columns(['doc_name', 'id'])
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('document_updates').execute();
      },
    },

    'storage-0002-versions': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('versions')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('doc_name', 'text', (col) => col.notNull())
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('label', 'text', (col) => col.notNull())
          .addColumn('note', 'text')
          .addColumn('state', types.binary, (col) => col.notNull())
          .addColumn('canonical_json', 'text', (col) => col.notNull())
          .addColumn('sha256', 'text', (col) => col.notNull())
          .addColumn('author_id', 'text', (col) => col.notNull())
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
          .addCheckConstraint(
            'versions_kind_check',
            oneOf('kind', ['named', 'checkpoint', 'before_restore']),
          )
          .addCheckConstraint(
            'versions_status_check',
            oneOf('status', ['draft', 'in_review', 'approved', 'rejected', 'superseded']),
          )
          .execute();
        await db.schema
          .createIndex('versions_doc_name_created_at')
          .on('versions')
          .columns(['doc_name', 'created_at'])
          .execute();

        await db.schema
          .createTable('version_approvals')
          .addColumn('version_id', 'text', (col) =>
            col.notNull().references('versions.id').onDelete('cascade'),
          )
          .addColumn('user_id', 'text', (col) => col.notNull())
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('decision', 'text', (col) => col.notNull())
          .addColumn('reason', 'text')
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addPrimaryKeyConstraint('version_approvals_pk', ['version_id', 'user_id', 'role'])
          .addCheckConstraint(
            'version_approvals_decision_check',
            oneOf('decision', ['approved', 'rejected']),
          )
          .execute();

        for (const statement of schema.createApprovedVersionGuard) {
          await sql.raw(statement).execute(db);
        }
      },
      async down(db: Kysely<unknown>): Promise<void> {
        for (const statement of schema.dropApprovedVersionGuard) {
          await sql.raw(statement).execute(db);
        }
        await db.schema.dropTable('version_approvals').execute();
        await db.schema.dropTable('versions').execute();
      },
    },

    'storage-0003-comments': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('comment_threads')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('doc_name', 'text', (col) => col.notNull())
          .addColumn('anchor', 'text', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
          .addColumn('created_by', 'text', (col) => col.notNull())
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addColumn('resolved_at', types.timestamp)
          .addCheckConstraint('comment_threads_status_check', oneOf('status', ['open', 'resolved']))
          .execute();
        await db.schema
          .createIndex('comment_threads_doc_name')
          .on('comment_threads')
          .columns(['doc_name', 'status'])
          .execute();

        await db.schema
          .createTable('comments')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('thread_id', 'text', (col) =>
            col.notNull().references('comment_threads.id').onDelete('cascade'),
          )
          .addColumn('author_id', 'text', (col) => col.notNull())
          .addColumn('body', 'text', (col) => col.notNull())
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addColumn('edited_at', types.timestamp)
          .execute();
        await db.schema
          .createIndex('comments_thread_id_created_at')
          .on('comments')
          .columns(['thread_id', 'created_at'])
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('comments').execute();
        await db.schema.dropTable('comment_threads').execute();
      },
    },
  };
}
