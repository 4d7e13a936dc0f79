import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runStorageTests } from '../testing/storage-acceptance.js';
import { SqliteDocumentStorage } from './sqlite-document-storage.js';
import { WalCheckpointer, type CheckpointReport } from './wal-checkpointer.js';

const quiet = (): void => {};
const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-wal-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

runStorageTests('sqlite with its worker threads (checkpoints, merges)', async () => {
  const dir = await dataDir();
  const open = (): Promise<SqliteDocumentStorage> =>
    SqliteDocumentStorage.open({
      dataDir: dir,
      logger: quiet,
      backgroundCheckpoints: true,
      checkpointIntervalMs: 5,
      mergeInWorker: true,
    });
  const storage = await open();
  return { storage, reopen: open, teardown: () => storage.close() };
});

/** Appends `count` single-row commits of `bytes` bytes each. */
async function appendMany(
  storage: SqliteDocumentStorage,
  count: number,
  bytes = 64,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    await storage.appendUpdates('plans/wal', [new Uint8Array(bytes).fill(i % 251)]);
  }
}

describe('background WAL checkpoints', () => {
  it('turns the main connection’s automatic checkpoints off and copies the WAL on the thread', async () => {
    const reports: CheckpointReport[] = [];
    const storage = await SqliteDocumentStorage.open({
      dataDir: await dataDir(),
      logger: quiet,
      backgroundCheckpoints: true,
      checkpointIntervalMs: 10,
      onCheckpoint: (report) => reports.push(report),
    });
    try {
      const pragma = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        storage.db,
      );
      expect(pragma.rows[0]?.wal_autocheckpoint).toBe(0);
      await appendMany(storage, 300);
      await expect.poll(() => reports.some((r) => r.checkpointedFrames > 0)).toBe(true);
      expect(await storage.countUpdates('plans/wal')).toBe(300);
    } finally {
      await storage.close();
    }
  });

  it('leaves the WAL to the thread: without one running, the WAL grows past SQLite’s 1000 pages', async () => {
    // An interval of an hour means the thread never checkpoints during the test; if the main
    // connection still checkpointed by itself, the WAL would stay near 1000 pages (about 4 MB).
    const storage = await SqliteDocumentStorage.open({
      dataDir: await dataDir(),
      logger: quiet,
      backgroundCheckpoints: true,
      checkpointIntervalMs: 3_600_000,
    });
    try {
      await appendMany(storage, 2000);
      const wal = await stat(`${storage.path}-wal`);
      expect(wal.size).toBeGreaterThan(1000 * 4096 * 1.5);
    } finally {
      await storage.close();
    }
  });

  it('starts the WAL over once it passes the frame limit, even while a writer never pauses', async () => {
    const dir = await dataDir();
    const path = join(dir, 'busy.sqlite');
    const writer = new BetterSqlite3(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (v blob)');
    const insert = writer.prepare('insert into t (v) values (?)');
    const reports: CheckpointReport[] = [];
    const checkpointer = await WalCheckpointer.start({
      path,
      intervalMs: 5,
      restartAfterFrames: 200,
      busyTimeoutMs: 5000,
      logger: quiet,
      onFailure: () => {},
      onCheckpoint: (report) => reports.push(report),
    });
    try {
      const deadline = Date.now() + 10_000;
      while (!reports.some((r) => r.mode === 'RESTART' && r.busy === 0) && Date.now() < deadline) {
        for (let i = 0; i < 50; i++) insert.run(Buffer.alloc(2000, i));
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Started over: a restart that finished, with every frame copied.
      const restart = reports.find((r) => r.mode === 'RESTART' && r.busy === 0);
      expect(restart?.checkpointedFrames).toBe(restart?.walFrames);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it('refuses to start when the thread cannot open the database', async () => {
    const dir = await dataDir();
    await expect(
      WalCheckpointer.start({
        path: join(dir, 'missing', 'nested', 'x.sqlite'),
        busyTimeoutMs: 100,
        logger: quiet,
        onFailure: () => {},
      }),
    ).rejects.toThrow(/directory does not exist|unable to open/);
  });
});

describe('the worker threads and the process', () => {
  it('never keep a process alive that did not close its storage', async () => {
    // Runs the built package (`pnpm build` comes first in `pnpm test`) in a process of its own.
    const script = `
      import { openStorage } from ${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)};
      const storage = await openStorage({
        dataDir: ${JSON.stringify(await dataDir())},
        sqliteBackgroundCheckpoints: true,
        mergeInWorker: true,
        logger: (message) => console.log(message),
      });
      for (let i = 0; i < 3; i++) await storage.appendUpdates('plans/exit', [new Uint8Array([0, 0])]);
      await storage.compact('plans/exit');
      console.log('done, not closing');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await Promise.race([
      once(child, 'exit').then(([exitCode]) => exitCode as number),
      delay(15_000).then(() => 'still running'),
    ]);
    child.kill('SIGKILL');
    expect(output).toContain('done, not closing');
    // Both threads ran: neither fell back (a fallback would also let the process exit).
    expect(output).not.toMatch(/thread/);
    expect(code).toBe(0);
  });
});
