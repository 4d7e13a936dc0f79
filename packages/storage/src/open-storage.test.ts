import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedDatabaseUrlError } from './errors.js';
import { MemoryDocumentStorage } from './memory/memory-document-storage.js';
import { openStorage } from './open-storage.js';
import { getDatabase } from './sql/get-database.js';
import {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  uniquePostgresSchema,
} from './testing/postgres-test-database.js';

const quiet = (): void => {};

describe('openStorage', () => {
  it('opens SQLite in dataDir when no DATABASE_URL is set', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-storage-'));
    try {
      for (const databaseUrl of [undefined, '', '  ']) {
        const storage = await openStorage({ dataDir, databaseUrl, logger: quiet });
        expect(storage.kind).toBe('sqlite');
        expect(getDatabase(storage)).toBe(storage.db);
        await storage.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('requires dataDir for SQLite', async () => {
    await expect(openStorage({})).rejects.toThrow(/no data directory/);
  });

  it('rejects an unsupported URL without echoing its secrets', async () => {
    const attempt = openStorage({ databaseUrl: 'mysql://root:geheim@db/prozess', dataDir: '/x' });
    await expect(attempt).rejects.toBeInstanceOf(UnsupportedDatabaseUrlError);
    await expect(attempt).rejects.toThrow(/"mysql"/);
    await expect(attempt).rejects.not.toThrow(/geheim/);
    await expect(openStorage({ databaseUrl: 'prozess.sqlite' })).rejects.toThrow(/unsupported/);
  });

  it('has no database behind the in-memory storage', () => {
    expect(() => getDatabase(new MemoryDocumentStorage({ logger: quiet }))).toThrow(
      /memory storage has no SQL database/,
    );
  });
});

await describePostgres('openStorage with PostgreSQL', () => {
  it('opens PostgreSQL for postgres:// and postgresql:// URLs', async () => {
    const postgresSchema = uniquePostgresSchema();
    try {
      for (const url of [
        TEST_DATABASE_URL,
        TEST_DATABASE_URL.replace(/^postgres:/, 'postgresql:'),
      ]) {
        const storage = await openStorage({ databaseUrl: url, postgresSchema, logger: quiet });
        expect(storage.kind).toBe('postgres');
        expect(await storage.countUpdates('plans/a')).toBe(0);
        await storage.close();
      }
    } finally {
      await dropPostgresSchema(postgresSchema);
    }
  });
});
