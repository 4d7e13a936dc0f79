/**
 * Participation results written straight into the app's database through storage's results API,
 * for specs whose subject is not how the items got there (the inbox spec enters one through the
 * form). Writes made here reach no open board live: the app's event bus never sees them.
 */
import {
  createContribution,
  getDatabase,
  openStorage,
  setReply,
  type NewContribution,
  type ReplyInput,
} from '@prozesswerkstatt/storage';
import { dataDir } from './database.js';

/** Runs `body` on the app's database (opened for this call only). */
async function withResults<T>(body: (db: ReturnType<typeof getDatabase>) => Promise<T>) {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    return await body(getDatabase(storage));
  } finally {
    await storage.close();
  }
}

/** The account id of the e-mail address (as registered, lower-cased). */
async function userIdOf(db: ReturnType<typeof getDatabase>, email: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Enters a contribution as the account `byEmail`; returns its id and receipt code. */
export async function addContribution(
  planId: string,
  input: NewContribution,
  byEmail: string,
): Promise<{ id: string; receiptCode: string }> {
  return withResults(async (db) => {
    const created = await createContribution({ db }, planId, input, await userIdOf(db, byEmail));
    return { id: created.id, receiptCode: created.receiptCode };
  });
}

/** The contribution of the plan whose text is `text` (one the app entered), with its code. */
export async function contributionByText(
  planId: string,
  text: string,
): Promise<{ id: string; receiptCode: string }> {
  return withResults(async (db) => {
    const row = await db
      .selectFrom('contributions')
      .select(['id', 'receipt_code'])
      .where('plan_id', '=', planId)
      .where('text', '=', text)
      .executeTakeFirstOrThrow();
    return { id: row.id, receiptCode: row.receipt_code };
  });
}

/** The account id of a registered e-mail address (for a form that names a member by id). */
export async function accountIdOf(email: string): Promise<string> {
  return withResults((db) => userIdOf(db, email));
}

/** Gives (or replaces) the answer to a contribution as the account `byEmail`. */
export async function answerContribution(
  planId: string,
  contributionId: string,
  reply: ReplyInput,
  byEmail: string,
): Promise<void> {
  await withResults(async (db) => {
    const current = await db
      .selectFrom('replies')
      .select('row_version')
      .where('contribution_id', '=', contributionId)
      .executeTakeFirst();
    await setReply(
      { db },
      planId,
      contributionId,
      current?.row_version ?? null,
      reply,
      await userIdOf(db, byEmail),
    );
  });
}
