import { createHash } from 'node:crypto';
import { openStorage, getDatabase } from '@prozesswerkstatt/storage';

/** The data folder of the app under test (set by playwright.config.ts). */
export function dataDir(): string {
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
 * The number of plans whose title starts with `titlePrefix` in the app's database (to prove that
 * a refused import created none). A spec's own prefix keeps other workers' plans out of the count.
 */
export async function countPlans(titlePrefix: string): Promise<number> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const rows = await getDatabase(storage).selectFrom('plans').select('title').execute();
    return rows.filter((row) => row.title.startsWith(titlePrefix)).length;
  } finally {
    await storage.close();
  }
}

/** One sign-off as the approval workflow records it; the user is named by e-mail. */
export interface SignOff {
  email: string;
  role: string;
  decision: 'approved' | 'rejected';
  reason: string;
}

/**
 * Records sign-offs on a saved version and marks it approved, the rows the approval workflow
 * writes (the workflow itself is proven in versions.spec.ts; here only its record matters).
 */
export async function recordSignOff(versionId: string, signOffs: SignOff[]): Promise<void> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const db = getDatabase(storage);
    for (const signOff of signOffs) {
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', signOff.email.toLowerCase())
        .executeTakeFirstOrThrow();
      await db
        .insertInto('version_approvals')
        .values({
          version_id: versionId,
          user_id: user.id,
          role: signOff.role,
          decision: signOff.decision,
          reason: signOff.reason,
        })
        .execute();
    }
    // Approving is the last change a version gets (approved rows are immutable).
    await db
      .updateTable('versions')
      .set({ status: 'approved' })
      .where('id', '=', versionId)
      .execute();
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

/**
 * Moves the time a (not yet approved) version was taken into the past, so a test can tell the
 * version's date from the day it runs. Approved versions are immutable in the database.
 */
export async function backdateVersion(versionId: string, iso: string): Promise<void> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const result = await getDatabase(storage)
      .updateTable('versions')
      .set({ created_at: iso })
      .where('id', '=', versionId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new Error(`backdateVersion: no ${versionId}`);
  } finally {
    await storage.close();
  }
}
