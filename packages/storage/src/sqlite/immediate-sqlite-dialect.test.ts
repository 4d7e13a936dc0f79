import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect.js';

interface Tables {
  counter: { id: number; value: number };
}

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-immediate-'));
  path = join(dir, 'db.sqlite');
  const setup = new BetterSqlite3(path);
  setup.pragma('journal_mode = WAL');
  setup.exec('create table counter (id integer primary key, value integer not null)');
  setup.exec('insert into counter (id, value) values (1, 0)');
  setup.close();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(dialect: 'deferred' | 'immediate'): Kysely<Tables> {
  const database = new BetterSqlite3(path);
  database.pragma('busy_timeout = 2000');
  const config = { database };
  return new Kysely<Tables>({
    dialect:
      dialect === 'immediate' ? new ImmediateSqliteDialect(config) : new SqliteDialect(config),
  });
}

/**
 * Kysely's stock (deferred) transaction reading, then another connection (standing in for the
 * other process) writing, then the transaction writing.
 */
async function deferredReadThenWriteAcrossAWrite(): Promise<void> {
  const mine = open('deferred');
  const other = new BetterSqlite3(path);
  other.pragma('busy_timeout = 2000');
  try {
    await mine.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('counter').select('value').executeTakeFirstOrThrow();
      other.exec('update counter set value = value + 100');
      await trx
        .updateTable('counter')
        .set({ value: row.value + 1 })
        .execute();
    });
  } finally {
    await mine.destroy();
    other.close();
  }
}

describe('ImmediateSqliteDialect', () => {
  it('shows the failure it exists for: a deferred read-then-write fails when another write came between', async () => {
    await expect(deferredReadThenWriteAcrossAWrite()).rejects.toThrow(/locked|busy/i);
  });

  it('takes the write lock at BEGIN, so the transaction commits and the other writer waits', async () => {
    const mine = open('immediate');
    const other = new BetterSqlite3(path);
    other.pragma('busy_timeout = 0');
    try {
      await mine.transaction().execute(async (trx) => {
        await trx.selectFrom('counter').select('value').executeTakeFirstOrThrow();
        // The lock is held from BEGIN: a writer without patience is refused now, not us later.
        expect(() => other.exec('update counter set value = value + 100')).toThrow(/locked|busy/i);
        await trx.updateTable('counter').set({ value: 1 }).execute();
      });
      other.exec('update counter set value = value + 100');
      const row = other.prepare('select value from counter').get() as { value: number };
      expect(row.value).toBe(101);
    } finally {
      await mine.destroy();
      other.close();
    }
  });
});
