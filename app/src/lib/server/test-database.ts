import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDocumentStorage } from '@prozesswerkstatt/storage';
import type { Db } from './db.js';

/** A migrated SQLite storage in a fresh temporary folder, for the server modules' unit tests. */
export async function openTestStorage(): Promise<{
  storage: SqliteDocumentStorage;
  db: Db;
  close: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pw-app-test-'));
  const storage = await SqliteDocumentStorage.open({ dataDir, logger: () => {} });
  return {
    storage,
    db: storage.db,
    close: async () => {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
