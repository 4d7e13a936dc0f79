import {
  TEST_DATABASE_URL,
  describePostgres,
  dropPostgresSchema,
  runStorageTests,
  uniquePostgresSchema,
} from '../testing/storage-acceptance.js';
import { PostgresDocumentStorage } from './postgres-document-storage.js';

const quiet = (): void => {};

await describePostgres('PostgresDocumentStorage', () => {
  runStorageTests('postgres', async () => {
    const schema = uniquePostgresSchema();
    const open = (): Promise<PostgresDocumentStorage> =>
      PostgresDocumentStorage.open({ connectionString: TEST_DATABASE_URL, schema, logger: quiet });
    const storage = await open();
    return {
      storage,
      reopen: open,
      teardown: async () => {
        await storage.close();
        await dropPostgresSchema(schema);
      },
    };
  });
});
