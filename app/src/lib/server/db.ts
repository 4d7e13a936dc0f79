import { validSeedMethods } from '@prozesswerkstatt/method-library/seed';
import {
  getDatabase as databaseOf,
  openStorage,
  seedMethods,
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
  opening ??= openAndSeed().catch((error: unknown) => {
    opening = undefined; // let the next request try again instead of failing forever
    throw error;
  });
  return opening;
}

/**
 * Opens the storage and brings the method library up to the seed data of this build (adds new
 * methods, never overwrites a facilitator's edit; one read when nothing changed).
 */
async function openAndSeed(): Promise<SqlDocumentStorage> {
  const storage = await openStorage({ dataDir: dataDir(), databaseUrl: appConfig().DATABASE_URL });
  try {
    await seedMethods({ db: databaseOf(storage) }, validSeedMethods());
  } catch (error) {
    await storage.close(); // the retry opens it again
    throw error;
  }
  return storage;
}

/** The Kysely instance over the storage's database (accounts, plans, members, invitations). */
export async function getDatabase(): Promise<Db> {
  return databaseOf(await getStorage());
}
