import * as Y from 'yjs';
import { expect, it } from 'vitest';
import {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  runStorageTests,
  sqlLogReader,
  uniquePostgresSchema,
} from '../testing/storage-acceptance.js';
import { runApprovedVersionGuardTests } from '../testing/approved-version-guard.js';
import { openPostgresSchemaDatabase } from '../testing/schema-test-database.js';
import { PostgresDocumentStorage } from './postgres-document-storage.js';

const quiet = (): void => {};

await describePostgres('PostgresDocumentStorage', () => {
  // With compactions merged on the worker thread, as the collab-server runs it; the inline merge
  // is the same `mergeLog` the SQLite suite runs.
  runStorageTests('postgres', async () => {
    const schema = uniquePostgresSchema();
    const open = (): Promise<PostgresDocumentStorage> =>
      PostgresDocumentStorage.open({
        connectionString: TEST_DATABASE_URL,
        schema,
        logger: quiet,
        mergeInWorker: true,
      });
    const storage = await open();
    return {
      storage,
      reopen: open,
      readLog: sqlLogReader(storage.db),
      mergesOffTheLoop: true,
      teardown: async () => {
        await storage.close();
        await dropPostgresSchema(schema);
      },
    };
  });

  runApprovedVersionGuardTests('postgres', openPostgresSchemaDatabase);
});

await describePostgres('PostgresDocumentStorage with several servers on one database', () => {
  it('keeps every append of one instance while another compacts the same document', async () => {
    const schema = uniquePostgresSchema();
    const open = (): Promise<PostgresDocumentStorage> =>
      PostgresDocumentStorage.open({ connectionString: TEST_DATABASE_URL, schema, logger: quiet });
    const writer = await open();
    const compactor = await open();
    try {
      const name = 'plans/shared';
      const doc = new Y.Doc();
      const pending: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => pending.push(update));

      let writing = true;
      const compactions = (async () => {
        let runs = 0;
        while (writing || runs === 0) {
          await compactor.compact(name);
          runs++;
        }
        return runs;
      })();
      const appends: Promise<void>[] = [];
      for (let i = 0; i < 200; i++) {
        doc.getMap('meta').set(`key-${i}`, i);
        appends.push(writer.appendUpdates(name, pending.splice(0)));
        if (i % 20 === 0) await Promise.all(appends.splice(0));
      }
      await Promise.all(appends);
      writing = false;
      expect(await compactions).toBeGreaterThan(0);

      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, (await compactor.loadDocument(name)) ?? new Uint8Array());
      expect(loaded.getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());
      expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(doc));
    } finally {
      await writer.close();
      await compactor.close();
      await dropPostgresSchema(schema);
    }
  });
});
