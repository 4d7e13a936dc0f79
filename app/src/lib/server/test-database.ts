import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import {
  describePostgres,
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  type SqlTestDatabase,
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

/** The storage package's test database, in the shape the app's tests use. */
async function asTestStorage(opened: Promise<SqlTestDatabase>): Promise<TestStorage> {
  const { storage, db, teardown } = await opened;
  return { storage, db, close: teardown };
}

/** A SQLite storage in a fresh temporary folder. */
export function openTestStorage(): Promise<TestStorage> {
  return asTestStorage(openSqliteSchemaDatabase('pw-app-test-'));
}

/** A PostgreSQL storage in a schema of its own on the test server. */
function openPostgresTestStorage(): Promise<TestStorage> {
  return asTestStorage(openPostgresSchemaDatabase('app_test'));
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
