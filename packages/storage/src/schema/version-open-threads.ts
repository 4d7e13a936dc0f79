import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Records the threads of document `docName` that are open now as the open threads of version
 * `versionId`, in one statement (so a thread resolved at the same moment is either in or out,
 * never half). Used where versions are written: the app (named, before restore) and the
 * collab-server (checkpoints). Returns how many were recorded.
 */
export async function recordOpenThreads(
  db: Kysely<Database>,
  versionId: string,
  docName: string,
): Promise<number> {
  const result = await db
    .insertInto('version_open_threads')
    .columns(['version_id', 'thread_id'])
    .expression((eb) =>
      eb
        .selectFrom('comment_threads')
        .select([sql<string>`cast(${versionId} as text)`.as('version_id'), 'id as thread_id'])
        .where('doc_name', '=', docName)
        .where('status', '=', 'open'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
