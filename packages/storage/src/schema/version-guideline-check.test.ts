import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA } from '../postgres/postgres-schema.js';
import { SQLITE_SCHEMA } from '../sqlite/sqlite-schema.js';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  type SqlTestDatabase,
} from '../testing/schema-test-database.js';
import type { Database, NewVersionRow } from './database.js';
import { isApprovedVersionImmutableError, type DialectSchema } from './dialect-schema.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from './migrate.js';
import { storageMigrations } from './migrations.js';

const BEFORE = 'storage-0011-method-library';
const CHECK = '{"items":[],"complete":0,"applicable":0,"notApplicable":0}';

function version(id: string, status: NewVersionRow['status'] = 'draft'): NewVersionRow {
  return {
    id,
    doc_name: 'plans/p1',
    kind: 'named',
    label: id,
    note: null,
    state: new Uint8Array([0, 0]),
    canonical_json: '{}',
    sha256: 'x',
    author_id: 'u1',
    status,
  };
}

function migrator(db: Kysely<Database>, schema: DialectSchema, tableSchema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => storageMigrations(schema) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(tableSchema === undefined ? {} : { migrationTableSchema: tableSchema }),
  });
}

function runTests(
  name: string,
  setup: () => Promise<SqlTestDatabase>,
  schema: DialectSchema,
): void {
  describe(`a version's stored guideline check: ${name}`, () => {
    async function withDb(body: (context: SqlTestDatabase) => Promise<void>) {
      const context = await setup();
      try {
        await body(context);
      } finally {
        await context.teardown();
      }
    }

    it('round-trips the check and its rules version, and keeps them once approved', async () => {
      await withDb(async ({ db }) => {
        await db
          .insertInto('versions')
          .values({ ...version('v1'), guideline_check: CHECK, guideline_rules_version: 2 })
          .execute();
        const row = await db
          .selectFrom('versions')
          .select(['guideline_check', 'guideline_rules_version'])
          .where('id', '=', 'v1')
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ guideline_check: CHECK, guideline_rules_version: 2 });

        await db
          .updateTable('versions')
          .set({ status: 'approved' })
          .where('id', '=', 'v1')
          .execute();
        const change = db
          .updateTable('versions')
          .set({ guideline_check: null, guideline_rules_version: 3 })
          .where('id', '=', 'v1')
          .execute();
        await expect(change).rejects.toSatisfy(isApprovedVersionImmutableError);
      });
    });

    it('migrates: versions taken before keep their rows with no stored check', async () => {
      await withDb(async ({ db, tableSchema }) => {
        const down = await migrator(db, schema, tableSchema).migrateTo(BEFORE);
        expect(down.error).toBeUndefined();
        expect(down.results?.map((r) => [r.migrationName, r.direction])).toEqual([
          ['storage-0013-released-reply-snapshot', 'Down'],
          ['storage-0012-version-guideline-check', 'Down'],
        ]);
        // The row as the schema before this migration writes it.
        await db
          .withTables<{ versions: Omit<NewVersionRow, 'guideline_check'> }>()
          .insertInto('versions')
          .values(version('old'))
          .execute();

        const up = await migrator(db, schema, tableSchema).migrateToLatest();
        expect(up.error).toBeUndefined();
        expect(up.results?.map((r) => r.migrationName)).toEqual([
          'storage-0012-version-guideline-check',
          'storage-0013-released-reply-snapshot',
        ]);
        await db
          .insertInto('versions')
          .values({ ...version('new'), guideline_check: CHECK, guideline_rules_version: 2 })
          .execute();
        const rows = await db
          .selectFrom('versions')
          .select(['id', 'label', 'guideline_check', 'guideline_rules_version'])
          .orderBy('id')
          .execute();
        expect(rows).toEqual([
          { id: 'new', label: 'new', guideline_check: CHECK, guideline_rules_version: 2 },
          { id: 'old', label: 'old', guideline_check: null, guideline_rules_version: null },
        ]);
      });
    });
  });
}

runTests('sqlite', () => openSqliteSchemaDatabase('pw-guideline-check-'), SQLITE_SCHEMA);

await describePostgres('stored guideline check on PostgreSQL', () => {
  runTests('postgres', () => openPostgresSchemaDatabase('guideline_check'), POSTGRES_SCHEMA);
});
