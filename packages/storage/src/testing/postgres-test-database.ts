import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { messageOf } from '../errors.js';

/**
 * The PostgreSQL server tests run against: `TEST_DATABASE_URL`, or the local test server with
 * trust authentication.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when a connection to `url` works, otherwise why it does not. */
export async function probePostgres(url: string = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return messageOf(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test run uses. */
export function uniquePostgresSchema(prefix = 'storage_test'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(
  schema: string,
  url: string = TEST_DATABASE_URL,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema.replaceAll('"', '""')}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * `describe` for tests needing PostgreSQL. Without a reachable server the tests are skipped with a
 * visible warning, except in CI (`CI` set), where that is a failure: CI must exercise PostgreSQL.
 */
export async function describePostgres(title: string, body: () => void): Promise<void> {
  const unavailable = await probePostgres();
  if (unavailable === null) {
    describe(title, body);
    return;
  }
  const reason = `PostgreSQL at ${redact(TEST_DATABASE_URL)} is unreachable: ${unavailable}`;
  if (process.env.CI) {
    describe(title, () => {
      it('needs a PostgreSQL server in CI', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  console.warn(`SKIPPING "${title}": ${reason}. Set TEST_DATABASE_URL or start a server.`);
  describe.skip(`${title} (skipped: ${reason})`, body);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
