import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describePostgres } from '../testing/postgres-test-database.js';
import {
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  withSchemaDatabase,
  type SchemaTestContext,
} from '../testing/schema-test-database.js';
import type { Database, MemberRole } from './database.js';

/** The accounts tables (migration storage-0004-accounts) behave alike on both dialects. */
function runAccountsSchemaTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  describe(`accounts schema: ${name}`, () => {
    const withDb = (body: (db: Kysely<Database>) => Promise<void>): Promise<void> =>
      withSchemaDatabase(setup, body);

    async function seed(db: Kysely<Database>): Promise<void> {
      await db
        .insertInto('users')
        .values({ id: 'u1', email: 'a@example.org', name: 'A', password_hash: 'h', is_admin: 1 })
        .execute();
      await db
        .insertInto('plans')
        .values({ id: 'p1', doc_name: 'plans/p1', title: 'Plan', facilitator_id: 'u1' })
        .execute();
    }

    it('stores users with flags defaulting to 0 and timestamps as ISO strings', async () => {
      await withDb(async (db) => {
        await seed(db);
        const user = await db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', 'u1')
          .executeTakeFirstOrThrow();
        expect(user.is_admin).toBe(1);
        expect(user.is_facilitator).toBe(0);
        expect(user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      });
    });

    it('refuses a second account with the same email', async () => {
      await withDb(async (db) => {
        await seed(db);
        await expect(
          db
            .insertInto('users')
            .values({ id: 'u2', email: 'a@example.org', name: 'B', password_hash: 'h' })
            .execute(),
        ).rejects.toThrow();
      });
    });

    it('keeps one membership per plan and account and refuses unknown roles', async () => {
      await withDb(async (db) => {
        await seed(db);
        await db
          .insertInto('plan_members')
          .values({ plan_id: 'p1', user_id: 'u1', role: 'facilitator' })
          .execute();
        await expect(
          db
            .insertInto('plan_members')
            .values({ plan_id: 'p1', user_id: 'u1', role: 'viewer' })
            .execute(),
        ).rejects.toThrow();
        await expect(
          db
            .insertInto('invitations')
            .values({
              id: 'i',
              plan_id: 'p1',
              // An unknown role must be refused by the database too, not only by the types.
              role: 'owner' as MemberRole,
              expires_at: '2030-01-01T00:00:00.000Z',
              created_by: 'u1',
            })
            .execute(),
        ).rejects.toThrow();
      });
    });

    it('deletes sessions and memberships with their account, and compares expiry as time', async () => {
      await withDb(async (db) => {
        await seed(db);
        await db
          .insertInto('users')
          .values({ id: 'u2', email: 'b@example.org', name: 'B', password_hash: 'h' })
          .execute();
        await db
          .insertInto('sessions')
          .values([
            { id: 's1', user_id: 'u2', expires_at: '2000-01-01T00:00:00.000Z' },
            { id: 's2', user_id: 'u2', expires_at: '2999-01-01T00:00:00.000Z' },
          ])
          .execute();
        const live = await db
          .selectFrom('sessions')
          .select('id')
          .where('expires_at', '>', new Date().toISOString())
          .execute();
        expect(live.map((row) => row.id)).toEqual(['s2']);

        await db
          .insertInto('plan_members')
          .values({ plan_id: 'p1', user_id: 'u2', role: 'editor' })
          .execute();
        await db.deleteFrom('users').where('id', '=', 'u2').execute();
        expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([]);
        expect(await db.selectFrom('plan_members').select('user_id').execute()).toEqual([]);
      });
    });
  });
}

runAccountsSchemaTests('sqlite', () => openSqliteSchemaDatabase('pw-accounts-'));

await describePostgres('accounts schema on PostgreSQL', () => {
  runAccountsSchemaTests('postgres', openPostgresSchemaDatabase);
});
