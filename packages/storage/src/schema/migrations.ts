import { sql, type Kysely, type Migration } from 'kysely';
import { oneOf } from './column-types.js';
import type { DialectSchema } from './dialect-schema.js';
import { ACTIVITY_KINDS } from './activity-kinds.js';
import { resultsMigration } from './results-migration.js';
import { methodsMigration } from './methods-migration.js';

/** Columns of storage-0013 (a migration never changes, so neither does this list). */
const RELEASED_SNAPSHOT_COLUMNS = [
  'public_title',
  'public_text',
  'public_reason',
  'public_response',
  'link_kind',
  'link_id',
] as const;

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

    'storage-0004-accounts': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (col) => col.primaryKey())
          // Stored lower-cased by the app, so the unique constraint is case-insensitive in effect.
          .addColumn('email', 'text', (col) => col.notNull().unique())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('password_hash', 'text', (col) => col.notNull())
          .addColumn('is_admin', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('is_facilitator', 'integer', (col) => col.notNull().defaultTo(0))
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) =>
            col.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('expires_at', types.timestamp, (col) => col.notNull())
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .execute();
        await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
        await db.schema
          .createIndex('sessions_expires_at')
          .on('sessions')
          .column('expires_at')
          .execute();

        await db.schema
          .createTable('plans')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('doc_name', 'text', (col) => col.notNull().unique())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('requesting_unit', 'text', (col) => col.notNull().defaultTo(''))
          .addColumn('facilitator_id', 'text', (col) => col.notNull().references('users.id'))
          .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
          .addColumn('archived_at', types.timestamp)
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addCheckConstraint(
            'plans_status_check',
            oneOf('status', ['draft', 'in_review', 'approved', 'running', 'closed']),
          )
          .execute();

        await db.schema
          .createTable('plan_members')
          .addColumn('plan_id', 'text', (col) =>
            col.notNull().references('plans.id').onDelete('cascade'),
          )
          .addColumn('user_id', 'text', (col) =>
            col.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('added_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addPrimaryKeyConstraint('plan_members_pk', ['plan_id', 'user_id'])
          // The roles as they were when this migration was written (a migration never changes):
          // a new role in the contract needs a new migration that widens these checks.
          .addCheckConstraint(
            'plan_members_role_check',
            oneOf('role', ['viewer', 'commenter', 'editor', 'facilitator']),
          )
          .execute();
        // "My plans" looks members up by user.
        await db.schema
          .createIndex('plan_members_user_id')
          .on('plan_members')
          .column('user_id')
          .execute();

        await db.schema
          .createTable('invitations')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('plan_id', 'text', (col) =>
            col.notNull().references('plans.id').onDelete('cascade'),
          )
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('expires_at', types.timestamp, (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addColumn('revoked_at', types.timestamp)
          .addCheckConstraint(
            'invitations_role_check',
            oneOf('role', ['viewer', 'commenter', 'editor', 'facilitator']),
          )
          .execute();
        await db.schema
          .createIndex('invitations_plan_id')
          .on('invitations')
          .column('plan_id')
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('invitations').execute();
        await db.schema.dropTable('plan_members').execute();
        await db.schema.dropTable('plans').execute();
        await db.schema.dropTable('sessions').execute();
        await db.schema.dropTable('users').execute();
      },
    },

    'storage-0005-versions-activity': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Who submitted a version for approval and when (written before it can become approved).
        await db.schema.alterTable('versions').addColumn('submitted_by', 'text').execute();
        await db.schema.alterTable('versions').addColumn('submitted_at', types.timestamp).execute();

        await db.schema
          .createTable('plan_activity')
          .addColumn('id', types.autoIncrementId, (col) => {
            const key = col.primaryKey();
            return types.autoIncrementKeyword ? key.autoIncrement() : key;
          })
          .addColumn('doc_name', 'text', (col) => col.notNull())
          .addColumn('user_id', 'text')
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('version_id', 'text')
          .addColumn('detail', 'text')
          .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addCheckConstraint('plan_activity_kind_check', oneOf('kind', [...ACTIVITY_KINDS]))
          .execute();
        // The activity page and "contributors since the previous version" read one plan by time.
        await db.schema
          .createIndex('plan_activity_doc_name_created_at')
          .on('plan_activity')
          .columns(['doc_name', 'created_at'])
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('plan_activity').execute();
        await db.schema.alterTable('versions').dropColumn('submitted_at').execute();
        await db.schema.alterTable('versions').dropColumn('submitted_by').execute();
      },
    },

    'storage-0006-comments-reads-mentions': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Deleted comments keep their row (shown as deleted, replies stay in context).
        await db.schema.alterTable('comments').addColumn('deleted_at', types.timestamp).execute();
        // The inbox lists one user's own comments' threads across plans.
        await db.schema
          .createIndex('comments_author_id')
          .on('comments')
          .column('author_id')
          .execute();
        await db.schema
          .createIndex('comment_threads_created_by')
          .on('comment_threads')
          .column('created_by')
          .execute();

        await db.schema
          .createTable('comment_mentions')
          .addColumn('comment_id', 'text', (col) =>
            col.notNull().references('comments.id').onDelete('cascade'),
          )
          .addColumn('user_id', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('comment_mentions_pk', ['comment_id', 'user_id'])
          .execute();
        // The inbox looks mentions up by the mentioned user.
        await db.schema
          .createIndex('comment_mentions_user_id')
          .on('comment_mentions')
          .column('user_id')
          .execute();

        await db.schema
          .createTable('comment_reads')
          .addColumn('thread_id', 'text', (col) =>
            col.notNull().references('comment_threads.id').onDelete('cascade'),
          )
          .addColumn('user_id', 'text', (col) => col.notNull())
          .addColumn('last_read_at', types.timestamp, (col) => col.notNull())
          .addPrimaryKeyConstraint('comment_reads_pk', ['thread_id', 'user_id'])
          .execute();

        await db.schema
          .createTable('version_open_threads')
          .addColumn('version_id', 'text', (col) =>
            col.notNull().references('versions.id').onDelete('cascade'),
          )
          .addColumn('thread_id', 'text', (col) =>
            col.notNull().references('comment_threads.id').onDelete('cascade'),
          )
          // The thread as it was then (anchor, status, comments), so a version's export stays
          // what was approved when comments are edited or deleted later.
          .addColumn('thread_json', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('version_open_threads_pk', ['version_id', 'thread_id'])
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('version_open_threads').execute();
        await db.schema.dropTable('comment_reads').execute();
        await db.schema.dropTable('comment_mentions').execute();
        await db.schema.dropIndex('comment_threads_created_by').execute();
        await db.schema.dropIndex('comments_author_id').execute();
        await db.schema.alterTable('comments').dropColumn('deleted_at').execute();
      },
    },

    'storage-0008-invitation-limits-login-throttle': {
      async up(db: Kysely<unknown>): Promise<void> {
        // How often a link may be used (null: without limit, only links made before this
        // migration, which stay valid as they were until they expire or are revoked), how often it
        // was, and the one e-mail address allowed to accept it (lower-cased; null: any account).
        await db.schema.alterTable('invitations').addColumn('max_uses', 'integer').execute();
        await db.schema
          .alterTable('invitations')
          .addColumn('uses', 'integer', (col) => col.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('invitations').addColumn('email', 'text').execute();

        // Who accepted which invitation when; one row per account and invitation.
        await db.schema
          .createTable('invitation_acceptances')
          .addColumn('invitation_id', 'text', (col) =>
            col.notNull().references('invitations.id').onDelete('cascade'),
          )
          .addColumn('user_id', 'text', (col) =>
            col.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('accepted_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
          .addPrimaryKeyConstraint('invitation_acceptances_pk', ['invitation_id', 'user_id'])
          .execute();

        // Attempts per throttling key (an account, a client address) in a fixed window. In the
        // database, so no client can flush the counts by filling a bounded in-memory table, and
        // every app instance counts together.
        await db.schema
          .createTable('login_throttle')
          .addColumn('key', 'text', (col) => col.primaryKey())
          .addColumn('window_start', types.timestamp, (col) => col.notNull())
          .addColumn('attempts', 'integer', (col) => col.notNull())
          .execute();
        // Pruning deletes ended windows.
        await db.schema
          .createIndex('login_throttle_window_start')
          .on('login_throttle')
          .column('window_start')
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.dropTable('login_throttle').execute();
        await db.schema.dropTable('invitation_acceptances').execute();
        await db.schema.alterTable('invitations').dropColumn('email').execute();
        await db.schema.alterTable('invitations').dropColumn('uses').execute();
        await db.schema.alterTable('invitations').dropColumn('max_uses').execute();
      },
    },

    // Which browser a session belongs to, so a person can tell their sessions apart in the list
    // of their sessions (the app stores a short summary of the User-Agent header, never more).
    'storage-0009-session-user-agent': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('sessions').dropColumn('user_agent').execute();
      },
    },

    // Participation results (issue #18): contributions, themes, clusters, replies with history,
    // releases, measures (results-migration.ts).
    'storage-0010-participation-results': resultsMigration(types),

    // The facilitators' method library (issue #19): methods and their revisions.
    'storage-0011-method-library': methodsMigration(types),

    // The guideline check of a version as it came out when the version was taken (issue #19):
    // an approved version's check must not change when the rules change. The check as JSON and
    // the rules' version; both null for versions taken before (their check is recomputed, and
    // the page says so). Written on insert only; the approved-version guard keeps them after.
    'storage-0012-version-guideline-check': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('versions').addColumn('guideline_check', 'text').execute();
        await db.schema
          .alterTable('versions')
          .addColumn('guideline_rules_version', 'integer')
          .execute();
      },
      async down(db: Kysely<unknown>): Promise<void> {
        await db.schema.alterTable('versions').dropColumn('guideline_rules_version').execute();
        await db.schema.alterTable('versions').dropColumn('guideline_check').execute();
      },
    },

    // What a release made public, in its public form (issue #18 review): title, text, reason and
    // response with the author's names and contacts already taken out, and the plan element the
    // answer links to. Written at sign-off, so an edit or an erasure of the name afterwards
    // changes nothing public without a new release. All null on rows released before; the
    // public view reads those the old way (live, pseudonymised when read).
    'storage-0013-released-reply-snapshot': {
      async up(db: Kysely<unknown>): Promise<void> {
        for (const column of RELEASED_SNAPSHOT_COLUMNS) {
          await db.schema.alterTable('released_replies').addColumn(column, 'text').execute();
        }
      },
      async down(db: Kysely<unknown>): Promise<void> {
        for (const column of [...RELEASED_SNAPSHOT_COLUMNS].reverse()) {
          await db.schema.alterTable('released_replies').dropColumn(column).execute();
        }
      },
    },
  };
}
