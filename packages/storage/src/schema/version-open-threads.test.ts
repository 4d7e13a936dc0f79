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
import { listVersionOpenThreadSnapshots, recordOpenThreads } from './version-open-threads.js';

function runTests(name: string, setup: () => Promise<SchemaTestContext>): void {
  describe(`recordOpenThreads: ${name}`, () => {
    const withDb = (body: (db: Kysely<Database>) => Promise<void>): Promise<void> =>
      withSchemaDatabase(setup, body);

    async function seed(db: Kysely<Database>): Promise<void> {
      await db
        .insertInto('users')
        .values([
          { id: 'u1', email: 'a@example.org', name: 'Ada', password_hash: 'h' },
          { id: 'u2', email: 'b@example.org', name: 'Bo', password_hash: 'h' },
        ])
        .execute();
      await db
        .insertInto('versions')
        .values({
          id: 'v1',
          doc_name: 'plans/p1',
          kind: 'named',
          label: 'V1',
          note: null,
          state: new Uint8Array([0]),
          canonical_json: '{}',
          sha256: 'x',
          author_id: 'u1',
          status: 'draft',
        })
        .execute();
      // Thread ids sort the other way round than the threads were opened.
      const threads = [
        { id: 'z-first', anchor: '{"a":1}', status: 'open', at: '2026-01-01T10:00:00.000Z' },
        { id: 'a-second', anchor: '{"a":2}', status: 'open', at: '2026-01-01T11:00:00.000Z' },
        { id: 'm-done', anchor: '{"a":3}', status: 'resolved', at: '2026-01-01T09:00:00.000Z' },
        { id: 'other-doc', anchor: '{"a":4}', status: 'open', at: '2026-01-01T09:00:00.000Z' },
      ] as const;
      for (const thread of threads) {
        await db
          .insertInto('comment_threads')
          .values({
            id: thread.id,
            doc_name: thread.id === 'other-doc' ? 'plans/p2' : 'plans/p1',
            anchor: thread.anchor,
            status: thread.status,
            created_by: 'u1',
            created_at: thread.at,
            resolved_at: null,
          })
          .execute();
      }
      await db
        .insertInto('comments')
        .values([
          {
            id: 'c2',
            thread_id: 'z-first',
            author_id: 'u2',
            body: 'Antwort an @[u1]',
            created_at: '2026-01-01T10:05:00.000Z',
            edited_at: null,
          },
          {
            id: 'c1',
            thread_id: 'z-first',
            author_id: 'u1',
            body: 'Frage',
            created_at: '2026-01-01T10:00:00.000Z',
            edited_at: null,
          },
          {
            id: 'c3',
            thread_id: 'z-first',
            author_id: 'u1',
            body: '',
            created_at: '2026-01-01T10:06:00.000Z',
            edited_at: null,
            deleted_at: '2026-01-01T10:07:00.000Z',
          },
          {
            id: 'c4',
            thread_id: 'a-second',
            author_id: 'u2',
            body: 'Zweite',
            created_at: '2026-01-01T11:00:00.000Z',
            edited_at: null,
          },
        ])
        .execute();
    }

    it('snapshots the open threads with their comments, unchanged by later edits', async () => {
      await withDb(async (db) => {
        await seed(db);
        expect(await recordOpenThreads(db, 'v1', 'plans/p1')).toBe(2);
        await db.updateTable('comments').set({ body: 'Geändert' }).where('id', '=', 'c1').execute();
        await db
          .updateTable('comments')
          .set({ body: '', deleted_at: '2026-01-02T00:00:00.000Z' })
          .where('id', '=', 'c4')
          .execute();
        await db.updateTable('users').set({ name: 'Ada L.' }).where('id', '=', 'u1').execute();

        expect(await listVersionOpenThreadSnapshots(db, 'v1')).toEqual([
          {
            threadId: 'z-first',
            snapshot: {
              anchor: '{"a":1}',
              status: 'open',
              comments: [
                {
                  authorId: 'u1',
                  authorName: 'Ada',
                  body: 'Frage',
                  at: '2026-01-01T10:00:00.000Z',
                },
                {
                  authorId: 'u2',
                  authorName: 'Bo',
                  body: 'Antwort an @[u1]',
                  at: '2026-01-01T10:05:00.000Z',
                },
              ],
            },
          },
          {
            threadId: 'a-second',
            snapshot: {
              anchor: '{"a":2}',
              status: 'open',
              comments: [
                {
                  authorId: 'u2',
                  authorName: 'Bo',
                  body: 'Zweite',
                  at: '2026-01-01T11:00:00.000Z',
                },
              ],
            },
          },
        ]);
      });
    });

    it('records nothing when no thread is open', async () => {
      await withDb(async (db) => {
        await seed(db);
        expect(await recordOpenThreads(db, 'v1', 'plans/none')).toBe(0);
        expect(await listVersionOpenThreadSnapshots(db, 'v1')).toEqual([]);
      });
    });
  });
}

runTests('sqlite', () => openSqliteSchemaDatabase('pw-open-threads-'));

await describePostgres('recordOpenThreads on PostgreSQL', () => {
  runTests('postgres', openPostgresSchemaDatabase);
});
