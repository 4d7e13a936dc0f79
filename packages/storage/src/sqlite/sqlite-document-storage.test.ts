import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runApprovedVersionGuardTests } from '../testing/approved-version-guard.js';
import { openSqliteSchemaDatabase } from '../testing/schema-test-database.js';
import { runStorageTests, sqlLogReader } from '../testing/storage-acceptance.js';
import { SqliteDocumentStorage } from './sqlite-document-storage.js';

const quiet = (): void => {};

// Once merging inline, once on the merge thread as the collab-server runs it (only then do appends
// commit while a compaction merges).
for (const mergeInWorker of [false, true]) {
  runStorageTests(mergeInWorker ? 'sqlite, merging on a thread' : 'sqlite', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const open = (): Promise<SqliteDocumentStorage> =>
      SqliteDocumentStorage.open({ dataDir, logger: quiet, mergeInWorker });
    const storage = await open();
    return {
      storage,
      reopen: open,
      readLog: sqlLogReader(storage.db),
      mergesOffTheLoop: mergeInWorker,
      teardown: async () => {
        await storage.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
}

describe('SqliteDocumentStorage', () => {
  it('creates the data directory and uses WAL with the configured synchronous level', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const dataDir = join(root, 'nested', 'data');
    try {
      const storage = await SqliteDocumentStorage.open({ dataDir, synchronous: 'FULL' });
      expect(storage.path).toBe(join(dataDir, 'prozesswerkstatt.sqlite'));
      const { sql } = await import('kysely');
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storage.db);
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(storage.db);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(storage.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      expect(sync.rows[0]?.synchronous).toBe(2); // FULL
      expect(busy.rows[0]?.timeout).toBe(5000);
      await storage.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('has every append in the file when the promise resolves (what survives a SIGKILL)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const storage = await SqliteDocumentStorage.open({ dataDir });
    // A second, independent connection sees only what was committed to the database file (WAL),
    // which is exactly what a killed process leaves behind.
    const other = new BetterSqlite3(storage.path, { readonly: true });
    try {
      for (let i = 1; i <= 20; i++) {
        await storage.appendUpdates('plans/a', [new Uint8Array([0, 0])]);
        const row = other
          .prepare('select count(*) as n from document_updates where doc_name = ?')
          .get('plans/a') as { n: number };
        expect(row.n).toBe(i);
      }
    } finally {
      other.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('commits the appends of one event-loop turn together, after the turn', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const storage = await SqliteDocumentStorage.open({ dataDir });
    const other = new BetterSqlite3(storage.path, { readonly: true });
    const committed = (): number =>
      (other.prepare('select count(*) as n from document_updates').get() as { n: number }).n;
    try {
      const resolved: string[] = [];
      const turn = [
        storage.appendUpdates('plans/a', [new Uint8Array([0, 0])]).then(() => resolved.push('a')),
        storage
          .appendUpdates('plans/b', [new Uint8Array([0, 0]), new Uint8Array([0, 0])])
          .then(() => resolved.push('b')),
      ];
      // Nothing is written inside the turn that appended; both land together right after it.
      expect(committed()).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(committed()).toBe(3);
      await Promise.all(turn);
      expect(resolved.sort()).toEqual(['a', 'b']);
      await storage.appendUpdates('plans/a', [new Uint8Array([0, 0])]);
      expect(committed()).toBe(4);
    } finally {
      other.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('commits appends made during an open Kysely transaction after it, in order, and not with it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const storage = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
    const other = new BetterSqlite3(storage.path, { readonly: true });
    const log = (): number[] =>
      (
        other.prepare('select data from document_updates order by id').all() as { data: Buffer }[]
      ).map((row) => row.data[0]!);
    try {
      await storage.appendUpdates('plans/a', [new Uint8Array([1])]);
      let appended: Promise<unknown> = Promise.resolve();
      const rolledBack = storage.db.transaction().execute(async () => {
        const second = storage.appendUpdates('plans/a', [new Uint8Array([2])]);
        await new Promise((resolve) => setImmediate(resolve));
        const third = storage.appendUpdates('plans/a', [new Uint8Array([3])]);
        appended = Promise.all([second, third]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(log()).toEqual([1]);
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      await appended;
      expect(log()).toEqual([1, 2, 3]);
    } finally {
      other.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('reads and compacts a log only outside an open Kysely transaction, never seeing its rows', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const storage = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const entries = doc.getMap('entries');
    entries.set('a', 1);
    entries.set('b', 2);
    entries.set('uncommitted', 3);
    const stateOf = (update: Uint8Array | null): unknown => {
      const loaded = new Y.Doc();
      if (update) Y.applyUpdate(loaded, update);
      return loaded.getMap('entries').toJSON();
    };
    try {
      await storage.appendUpdates('plans/a', [updates[0]!]);
      await storage.appendUpdates('plans/a', [updates[1]!]);
      let load: Promise<Uint8Array | null> = Promise.resolve(null);
      let compaction: Promise<unknown> = Promise.resolve();
      const rolledBack = storage.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('document_updates')
          .values({ doc_name: 'plans/a', data: updates[2]! })
          .execute();
        load = storage.loadDocument('plans/a');
        compaction = storage.compact('plans/a');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      expect(stateOf(await load)).toEqual({ a: 1, b: 2 });
      expect(await compaction).toEqual(expect.objectContaining({ mergedEntries: 2 }));
      expect(await storage.countUpdates('plans/a')).toBe(1);
      expect(stateOf(await storage.loadDocument('plans/a'))).toEqual({ a: 1, b: 2 });
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('writes a compaction only outside an open Kysely transaction, which cannot undo it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    const storage = await SqliteDocumentStorage.open({
      dataDir,
      logger: quiet,
      mergeInWorker: true,
    });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 50; i++) doc.getMap('entries').set(`k${i}`, i);
    // Holds the transaction below open until the compaction has merged and comes to write.
    const hooks = storage as unknown as {
      replaceEntries: (...args: unknown[]) => Promise<void>;
    };
    const replaceEntries = hooks.replaceEntries.bind(storage);
    let writing = (): void => {};
    const aboutToWrite = new Promise<void>((resolve) => (writing = resolve));
    hooks.replaceEntries = (...args) => {
      writing();
      return replaceEntries(...args);
    };
    try {
      await storage.appendUpdates('plans/a', updates);
      const compaction = storage.compact('plans/a');
      const rolledBack = storage.db.transaction().execute(async () => {
        await aboutToWrite;
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      expect(await compaction).toEqual(expect.objectContaining({ mergedEntries: 50 }));
      expect(await storage.countUpdates('plans/a')).toBe(1);
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')(
    'starts the merge thread when it opens, not at the first compaction',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
      const threads = (): number => readdirSync('/proc/self/task').length;
      try {
        // The first open also starts libuv's pool (its asynchronous mkdir); count after that one.
        const without = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
        await without.close();
        const before = threads();
        const plain = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
        const withoutThread = threads() - before;
        await plain.close();
        const merging = await SqliteDocumentStorage.open({
          dataDir,
          logger: quiet,
          mergeInWorker: true,
        });
        const withThread = threads() - before;
        await merging.close();
        expect(withoutThread).toBe(0);
        expect(withThread).toBe(1);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );

  it('migrates once: reopening an existing file keeps its data and schema', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    try {
      const first = await SqliteDocumentStorage.open({ dataDir });
      await first.appendUpdates('plans/a', [new Uint8Array([0, 0])]);
      await first.close();
      const second = await SqliteDocumentStorage.open({ dataDir });
      expect(await second.countUpdates('plans/a')).toBe(1);
      const migrations = await second.db
        .withTables<{ storage_migrations: { name: string } }>()
        .selectFrom('storage_migrations')
        .select('name')
        .orderBy('name')
        .execute();
      expect(migrations.map((row) => row.name)).toEqual([
        'storage-0001-document-updates',
        'storage-0002-versions',
        'storage-0003-comments',
        'storage-0004-accounts',
        'storage-0005-versions-activity',
        'storage-0006-comments-reads-mentions',
        'storage-0008-invitation-limits-login-throttle',
        'storage-0009-session-user-agent',
        'storage-0010-participation-results',
        'storage-0011-method-library',
        'storage-0012-version-guideline-check',
        'storage-0013-released-reply-snapshot',
      ]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

runApprovedVersionGuardTests('sqlite', () => openSqliteSchemaDatabase());
