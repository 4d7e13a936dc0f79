import { sql, type Kysely, type Migration } from 'kysely';
import { oneOf, type DialectColumnTypes } from './column-types.js';
import {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  CONTRIBUTION_STATES,
  DECISIONS,
  LINK_KINDS,
  MEASURE_STATUSES,
  RELEASE_STATUSES,
} from './results-values.js';

/**
 * storage-0010: participation results (issue #18). Contributions hold personal data and can number
 * tens of thousands per plan, so they live here and not in the plan's Y.Doc. Every table carries
 * `plan_id` (cascading from `plans`), so deleting a plan deletes its results.
 */
export function resultsMigration(types: DialectColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const planRef = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('plan_id', 'text', (col) =>
            col.notNull().references('plans.id').onDelete('cascade'),
          );

      await planRef('result_clusters')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('label', 'text', (col) => col.notNull().defaultTo(''))
        // Bumped by every answer given to the cluster (optimistic concurrency of the fan-out).
        .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .execute();
      await db.schema
        .createIndex('result_clusters_plan_id')
        .on('result_clusters')
        .column('plan_id')
        .execute();

      await planRef('contributions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('channel', 'text', (col) => col.notNull())
        // Where it came from ('manual', 'mein.berlin', 'decidim', 'plan-document', …) and its id
        // there: a re-import finds the rows it wrote before by (plan, system, reference).
        .addColumn('source_system', 'text', (col) => col.notNull())
        .addColumn('source_ref', 'text')
        .addColumn('source_url', 'text')
        // JSON object of what the source said that has no column (category, labels, ratings, …).
        .addColumn('source_data', 'text')
        .addColumn('received_at', types.timestamp, (col) => col.notNull())
        .addColumn('author_kind', 'text', (col) => col.notNull())
        .addColumn('pseudonym', 'text', (col) => col.notNull())
        // Personal data: never on a public page or in a public export.
        .addColumn('author_name', 'text')
        .addColumn('author_contact', 'text')
        .addColumn('contact_consent', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('cosigner_count', 'integer', (col) => col.notNull().defaultTo(0))
        // JSON array of names (personal data).
        .addColumn('cosigners', 'text')
        // The phase or format of the plan it answers (a plan-model id; not a foreign key).
        .addColumn('subject_id', 'text')
        .addColumn('title', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('text', 'text', (col) => col.notNull())
        // A part split off a longer submission.
        .addColumn('parent_id', 'text', (col) =>
          col.references('contributions.id').onDelete('cascade'),
        )
        .addColumn('cluster_id', 'text', (col) =>
          col.references('result_clusters.id').onDelete('set null'),
        )
        .addColumn('receipt_code', 'text', (col) => col.notNull().unique())
        .addColumn('state', 'text', (col) => col.notNull().defaultTo('new'))
        .addColumn('assignee_user_id', 'text')
        .addColumn('assignee_department', 'text')
        // A calendar date (YYYY-MM-DD), no time zone.
        .addColumn('due_date', 'text')
        // Optimistic concurrency: every update checks and increments it.
        .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addUniqueConstraint('contributions_source_unique', [
          'plan_id',
          'source_system',
          'source_ref',
        ])
        .addCheckConstraint('contributions_channel_check', oneOf('channel', CONTRIBUTION_CHANNELS))
        .addCheckConstraint('contributions_author_kind_check', oneOf('author_kind', AUTHOR_KINDS))
        .addCheckConstraint('contributions_state_check', oneOf('state', CONTRIBUTION_STATES))
        .execute();
      // The inbox lists one plan's items by date and filters by state.
      await db.schema
        .createIndex('contributions_plan_received')
        .on('contributions')
        .columns(['plan_id', 'received_at', 'id'])
        .execute();
      await db.schema
        .createIndex('contributions_plan_state')
        .on('contributions')
        .columns(['plan_id', 'state'])
        .execute();
      await db.schema
        .createIndex('contributions_cluster_id')
        .on('contributions')
        .column('cluster_id')
        .execute();
      await db.schema
        .createIndex('contributions_parent_id')
        .on('contributions')
        .column('parent_id')
        .execute();

      await planRef('result_themes')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('parent_id', 'text', (col) =>
          col.references('result_themes.id').onDelete('cascade'),
        )
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .execute();
      await db.schema
        .createIndex('result_themes_plan_id')
        .on('result_themes')
        .column('plan_id')
        .execute();

      await db.schema
        .createTable('contribution_themes')
        .addColumn('contribution_id', 'text', (col) =>
          col.notNull().references('contributions.id').onDelete('cascade'),
        )
        .addColumn('theme_id', 'text', (col) =>
          col.notNull().references('result_themes.id').onDelete('cascade'),
        )
        // 1 while only a suggestion (of the local method); 0 once a person tagged or accepted it.
        .addColumn('suggested', 'integer', (col) => col.notNull().defaultTo(0))
        // Why it was suggested (the method's explanation, e.g. the shared terms), if suggested.
        .addColumn('explanation', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addColumn('accepted_by', 'text')
        .addColumn('accepted_at', types.timestamp)
        .addPrimaryKeyConstraint('contribution_themes_pk', ['contribution_id', 'theme_id'])
        .execute();
      await db.schema
        .createIndex('contribution_themes_theme_id')
        .on('contribution_themes')
        .column('theme_id')
        .execute();

      await planRef('measures')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('parent_id', 'text', (col) => col.references('measures.id').onDelete('set null'))
        .addColumn('external_id', 'text')
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('planned'))
        .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('weight', 'real', (col) => col.notNull().defaultTo(1))
        // JSON objects locale → text (Decidim's `title/<locale>`, `description/<locale>`).
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('description', 'text', (col) => col.notNull().defaultTo('{}'))
        .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addUniqueConstraint('measures_external_unique', ['plan_id', 'external_id'])
        .addCheckConstraint('measures_status_check', oneOf('status', MEASURE_STATUSES))
        .addCheckConstraint('measures_progress_check', sql`progress between 0 and 100`)
        .execute();
      await db.schema.createIndex('measures_plan_id').on('measures').column('plan_id').execute();

      await db.schema
        .createTable('measure_milestones')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('measure_id', 'text', (col) =>
          col.notNull().references('measures.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('due_date', 'text')
        .addColumn('done_at', types.timestamp)
        .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('measure_milestones_measure_id')
        .on('measure_milestones')
        .column('measure_id')
        .execute();

      await db.schema
        .createTable('measure_contributions')
        .addColumn('measure_id', 'text', (col) =>
          col.notNull().references('measures.id').onDelete('cascade'),
        )
        .addColumn('contribution_id', 'text', (col) =>
          col.notNull().references('contributions.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('measure_contributions_pk', ['measure_id', 'contribution_id'])
        .execute();
      await db.schema
        .createIndex('measure_contributions_contribution_id')
        .on('measure_contributions')
        .column('contribution_id')
        .execute();

      // The current answer of one contribution (at most one row each).
      await planRef('replies')
        .addColumn('contribution_id', 'text', (col) =>
          col.primaryKey().references('contributions.id').onDelete('cascade'),
        )
        // Null while drafted without a decision (the release rule blocks then).
        .addColumn('decision', 'text')
        .addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('response', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('link_kind', 'text')
        .addColumn('link_id', 'text')
        .addColumn('measure_id', 'text', (col) =>
          col.references('measures.id').onDelete('set null'),
        )
        .addColumn('duplicate_of_id', 'text', (col) =>
          col.references('contributions.id').onDelete('set null'),
        )
        // Set when the answer was given to the contribution's cluster and fanned out.
        .addColumn('cluster_id', 'text', (col) =>
          col.references('result_clusters.id').onDelete('set null'),
        )
        .addColumn('row_version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('updated_by', 'text', (col) => col.notNull())
        .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addCheckConstraint('replies_decision_check', oneOf('decision', DECISIONS))
        .addCheckConstraint('replies_link_kind_check', oneOf('link_kind', LINK_KINDS))
        .execute();
      await db.schema.createIndex('replies_plan_id').on('replies').column('plan_id').execute();

      // Every change of a reply, as it was after the change.
      await planRef('reply_history')
        .addColumn('id', types.autoIncrementId, (col) => {
          const key = col.primaryKey();
          return types.autoIncrementKeyword ? key.autoIncrement() : key;
        })
        .addColumn('contribution_id', 'text', (col) =>
          col.notNull().references('contributions.id').onDelete('cascade'),
        )
        .addColumn('row_version', 'integer', (col) => col.notNull())
        .addColumn('decision', 'text')
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('response', 'text', (col) => col.notNull())
        .addColumn('link_kind', 'text')
        .addColumn('link_id', 'text')
        .addColumn('measure_id', 'text')
        .addColumn('duplicate_of_id', 'text')
        .addColumn('cluster_id', 'text')
        .addColumn('changed_by', 'text', (col) => col.notNull())
        .addColumn('changed_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .execute();
      await db.schema
        .createIndex('reply_history_contribution_id')
        .on('reply_history')
        .columns(['contribution_id', 'id'])
        .execute();
      await db.schema
        .createIndex('reply_history_plan_id')
        .on('reply_history')
        .columns(['plan_id', 'id'])
        .execute();

      await planRef('reply_templates')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('label', 'text', (col) => col.notNull())
        .addColumn('decision', 'text')
        .addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('response', 'text', (col) => col.notNull().defaultTo(''))
        .addColumn('created_by', 'text')
        .addColumn('created_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addColumn('updated_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        .addCheckConstraint('reply_templates_decision_check', oneOf('decision', DECISIONS))
        .execute();
      await db.schema
        .createIndex('reply_templates_plan_id')
        .on('reply_templates')
        .column('plan_id')
        .execute();

      // Replies are released together after a second person signed off (four eyes).
      await planRef('result_releases')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('requested'))
        .addColumn('requested_by', 'text', (col) => col.notNull())
        .addColumn('requested_at', types.timestamp, (col) => col.notNull().defaultTo(types.now))
        // The newest reply_history id of the plan when requested: a later change makes the
        // request stale, so nobody signs off answers they did not see.
        .addColumn('history_mark', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('signed_off_by', 'text')
        .addColumn('released_at', types.timestamp)
        .addColumn('item_count', 'integer', (col) => col.notNull().defaultTo(0))
        .addCheckConstraint('result_releases_status_check', oneOf('status', RELEASE_STATUSES))
        .addCheckConstraint(
          'result_releases_four_eyes_check',
          sql`signed_off_by is null or signed_off_by <> requested_by`,
        )
        .execute();
      await db.schema
        .createIndex('result_releases_plan_id')
        .on('result_releases')
        .columns(['plan_id', 'requested_at'])
        .execute();

      // What a release made public: the answers as they were released (the public page reads the
      // newest per contribution, so later drafts stay internal until the next release).
      await planRef('released_replies')
        .addColumn('release_id', 'text', (col) =>
          col.notNull().references('result_releases.id').onDelete('cascade'),
        )
        .addColumn('contribution_id', 'text', (col) =>
          col.notNull().references('contributions.id').onDelete('cascade'),
        )
        .addColumn('decision', 'text', (col) => col.notNull())
        .addColumn('reason', 'text', (col) => col.notNull())
        .addColumn('response', 'text', (col) => col.notNull())
        .addColumn('duplicate_of_id', 'text')
        .addColumn('measure_id', 'text')
        .addColumn('released_at', types.timestamp, (col) => col.notNull())
        .addPrimaryKeyConstraint('released_replies_pk', ['release_id', 'contribution_id'])
        .execute();
      await db.schema
        .createIndex('released_replies_contribution_id')
        .on('released_replies')
        .columns(['contribution_id', 'released_at'])
        .execute();
      await db.schema
        .createIndex('released_replies_plan_id')
        .on('released_replies')
        .column('plan_id')
        .execute();

      // The decisions as they were when a version was saved (like version_open_threads).
      await db.schema
        .createTable('version_decisions')
        .addColumn('version_id', 'text', (col) =>
          col.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('contribution_id', 'text', (col) => col.notNull())
        // JSON `DecisionSnapshot` (results/version-decisions.ts); no personal data.
        .addColumn('decision_json', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('version_decisions_pk', ['version_id', 'contribution_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'version_decisions',
        'released_replies',
        'result_releases',
        'reply_templates',
        'reply_history',
        'replies',
        'measure_contributions',
        'measure_milestones',
        'measures',
        'contribution_themes',
        'result_themes',
        'contributions',
        'result_clusters',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
