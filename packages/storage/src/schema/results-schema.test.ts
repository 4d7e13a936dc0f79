import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { Database } from './database.js';

/** What the database itself refuses, whatever the API checks before. */
function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  describe(`results schema: ${name}`, () => {
    const withDb = (body: (db: Kysely<Database>) => Promise<void>): Promise<void> =>
      withSchemaDatabase(setup, body);

    async function seed(db: Kysely<Database>): Promise<void> {
      await db
        .insertInto('users')
        .values({ id: 'u1', email: 'a@example.org', name: 'Ada', password_hash: 'h' })
        .execute();
      await db
        .insertInto('plans')
        .values({ id: 'p1', doc_name: 'plans/p1', title: 'P', facilitator_id: 'u1' })
        .execute();
    }

    const contribution = (id: string, extra: Partial<Record<string, unknown>> = {}) => ({
      id,
      plan_id: 'p1',
      channel: 'letter' as const,
      source_system: 'manual',
      received_at: '2026-01-01T10:00:00.000Z',
      author_kind: 'person' as const,
      pseudonym: 'B1',
      contact_consent: 0 as const,
      text: 'Mehr Bänke',
      receipt_code: `CODE${id}`,
      ...extra,
    });

    it('refuses a second row with the same source reference in one plan', async () => {
      await withDb(async (db) => {
        await seed(db);
        await db
          .insertInto('contributions')
          .values(contribution('c1', { source_ref: 'r1' }))
          .execute();
        // No reference: never a duplicate.
        await db.insertInto('contributions').values(contribution('c2')).execute();
        await db.insertInto('contributions').values(contribution('c3')).execute();
        await expect(
          db
            .insertInto('contributions')
            .values(contribution('c4', { source_ref: 'r1' }))
            .execute(),
        ).rejects.toThrow();
      });
    });

    it('refuses unknown channels, states and decisions and a progress above 100', async () => {
      await withDb(async (db) => {
        await seed(db);
        await expect(
          db
            .insertInto('contributions')
            .values(contribution('c1', { channel: 'fax' }))
            .execute(),
        ).rejects.toThrow();
        await db.insertInto('contributions').values(contribution('c2')).execute();
        await expect(
          db
            .insertInto('replies')
            .values({
              contribution_id: 'c2',
              plan_id: 'p1',
              decision: 'maybe' as never,
              updated_by: 'u1',
            })
            .execute(),
        ).rejects.toThrow();
        await expect(
          db
            .insertInto('measures')
            .values({ id: 'm1', plan_id: 'p1', title: '{}', progress: 101 })
            .execute(),
        ).rejects.toThrow();
      });
    });

    it('refuses a release signed off by the person who requested it', async () => {
      await withDb(async (db) => {
        await seed(db);
        await db
          .insertInto('result_releases')
          .values({ id: 'r1', plan_id: 'p1', requested_by: 'u1' })
          .execute();
        await expect(
          db
            .updateTable('result_releases')
            .set({ signed_off_by: 'u1', status: 'released' })
            .where('id', '=', 'r1')
            .execute(),
        ).rejects.toThrow();
        await db
          .updateTable('result_releases')
          .set({ signed_off_by: 'u2', status: 'released' })
          .where('id', '=', 'r1')
          .execute();
      });
    });

    it('deletes a plan with all its results', async () => {
      await withDb(async (db) => {
        await seed(db);
        await db.insertInto('contributions').values(contribution('c1')).execute();
        await db
          .insertInto('replies')
          .values({ contribution_id: 'c1', plan_id: 'p1', decision: 'noted', updated_by: 'u1' })
          .execute();
        await db.deleteFrom('plans').where('id', '=', 'p1').execute();
        expect(await db.selectFrom('contributions').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('replies').selectAll().execute()).toEqual([]);
      });
    });
  });
}

runTests('SQLite', () => openSqliteSchemaDatabase('pw-results-schema-'));
await describePostgres('results schema on PostgreSQL', () =>
  runTests('PostgreSQL', () => openPostgresSchemaDatabase('results_schema')),
);
