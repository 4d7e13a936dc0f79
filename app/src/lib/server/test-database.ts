import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStorage, type SqlDocumentStorage } from '@prozesswerkstatt/storage';
import { PostgresDocumentStorage } from '@prozesswerkstatt/storage/postgres';
import {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  uniquePostgresSchema,
} from '@prozesswerkstatt/storage/testing';
import { describe } from 'vitest';
import type { Db } from './db.js';
import { registerUser, type SessionUser } from './users.js';

/** A migrated, empty storage for one test, and how to throw it away. */
export interface TestStorage {
  storage: SqlDocumentStorage;
  db: Db;
  close: () => Promise<void>;
}

/** Opens a fresh {@link TestStorage}. */
export type OpenTestStorage = () => Promise<TestStorage>;

const quiet = (): void => {};

/** A SQLite storage in a fresh temporary folder. */
export async function openTestStorage(): Promise<TestStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pw-app-test-'));
  const storage = await SqliteDocumentStorage.open({ dataDir, logger: quiet });
  return {
    storage,
    db: storage.db,
    close: async () => {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL storage in a schema of its own on the test server. */
async function openPostgresTestStorage(): Promise<TestStorage> {
  const schema = uniquePostgresSchema('app_test');
  const storage = await PostgresDocumentStorage.open({
    connectionString: TEST_DATABASE_URL,
    schema,
    logger: quiet,
  });
  return {
    storage,
    db: storage.db,
    close: async () => {
      await storage.close();
      await dropPostgresSchema(schema);
    },
  };
}

/**
 * Runs `body` once on SQLite and once on PostgreSQL (skipped with a warning when no server is
 * reachable, a failure in CI; see `describePostgres`), so the app's queries are proven on both.
 */
export async function describeEachDialect(
  title: string,
  body: (open: OpenTestStorage) => void,
): Promise<void> {
  describe(`${title} (sqlite)`, () => body(openTestStorage));
  await describePostgres(`${title} (postgres)`, () => body(openPostgresTestStorage));
}

/** Registers an account `name` (e-mail `<name>@example.org`) for a test. */
export async function testAccount(db: Db, name: string): Promise<SessionUser> {
  const result = await registerUser(db, {
    email: `${name}@example.org`,
    name,
    password: 'a long enough password',
  });
  if (!result.ok) throw new Error('registration failed');
  return result.user;
}
