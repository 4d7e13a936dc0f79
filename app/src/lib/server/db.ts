import {
  getDatabase as databaseOf,
  openStorage,
  type SqlDocumentStorage,
} from '@prozesswerkstatt/storage';
import { appConfig } from './config.js';

/** The typed Kysely instance over the shared schema (kysely itself is storage's dependency). */
export type Db = ReturnType<typeof databaseOf>;

/**
 * The app's one storage per process, opened (and migrated) on first use, not at import: the
 * build imports every server module, and the collab-server may be migrating the same SQLite
 * file at start-up.
 */
let opening: Promise<SqlDocumentStorage> | undefined;

/**
 * The data folder of the SQLite file and the generated collab secret: `DATA_DIR`, default
 * `./data` (relative to the working directory; `scripts/start.mjs` passes an absolute path).
 */
export function dataDir(): string {
  return appConfig().DATA_DIR;
}

/**
 * The storage of this deployment: SQLite in {@link dataDir}, or PostgreSQL when `DATABASE_URL`
 * is set. The collab-server opens the same one; both migrate it to the same schema.
 */
export function getStorage(): Promise<SqlDocumentStorage> {
  opening ??= openStorage({ dataDir: dataDir(), databaseUrl: appConfig().DATABASE_URL }).catch(
    (error: unknown) => {
      opening = undefined; // let the next request try again instead of failing forever
      throw error;
    },
  );
  return opening;
}

/** The Kysely instance over the storage's database (accounts, plans, members, invitations). */
export async function getDatabase(): Promise<Db> {
  return databaseOf(await getStorage());
}
