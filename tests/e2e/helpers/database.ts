import { createHash } from 'node:crypto';
import { openStorage, getDatabase } from '@prozesswerkstatt/storage';

/** The data folder of the app under test (set by playwright.config.ts). */
function dataDir(): string {
  const dir = process.env['PW_E2E_DATA_DIR'];
  if (!dir)
    throw new Error('PW_E2E_DATA_DIR is not set: run the tests through playwright.config.ts');
  return dir;
}

/**
 * Moves the expiry of the invitation behind `url` into the past, straight in the app's SQLite
 * file (the product offers no way to make a link expire early; revoking is a different state).
 */
export async function expireInvitation(url: string): Promise<void> {
  const token = new URL(url).pathname.split('/').pop() ?? '';
  const id = createHash('sha256').update(token).digest('hex');
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const result = await getDatabase(storage)
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw new Error(`expireInvitation: no invitation for ${url}`);
  } finally {
    await storage.close();
  }
}

/**
 * Changes the stored canonical JSON of a version behind the app's back (as a broken disk or a
 * manual edit would), so its hash no longer matches: the pages must show an integrity error.
 */
export async function tamperWithVersion(versionId: string): Promise<void> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const db = getDatabase(storage);
    const row = await db
      .selectFrom('versions')
      .select('canonical_json')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('versions')
      .set({ canonical_json: row.canonical_json.replace('"title":"', '"title":"X') })
      .where('id', '=', versionId)
      .execute();
  } finally {
    await storage.close();
  }
}
