/**
 * Participation results a spec needs before its pages open, written with storage's results API
 * straight into the app's database (the inbox, answering and theme screens are other specs'
 * subjects). No event reaches the running app; seed before the pages load.
 */
import {
  createContribution,
  createTheme,
  getDatabase,
  openStorage,
  requestRelease,
  setReply,
  signOffRelease,
  tagContribution,
} from '@prozesswerkstatt/storage';

function dataDir(): string {
  const dir = process.env['PW_E2E_DATA_DIR'];
  if (!dir)
    throw new Error('PW_E2E_DATA_DIR is not set: run the tests through playwright.config.ts');
  return dir;
}

/** A contribution with its author's name and contact, answered with a decision and reason. */
export interface AnsweredContribution {
  authorName: string;
  authorContact: string;
  pseudonym: string;
  title: string;
  text: string;
  decision: 'adopted' | 'partly_adopted' | 'not_adopted' | 'noted' | 'out_of_scope';
  reason: string;
  response: string;
  theme: string;
}

/** Writes the contributions (as the user with `email`); returns their ids in order. */
export async function seedAnsweredContributions(
  planId: string,
  email: string,
  items: readonly AnsweredContribution[],
): Promise<string[]> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const db = getDatabase(storage);
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const ctx = { db };
    const themes = new Map<string, string>();
    const ids: string[] = [];
    for (const item of items) {
      const created = await createContribution(
        ctx,
        planId,
        {
          channel: 'letter',
          sourceSystem: 'manual',
          receivedAt: '2026-11-02',
          authorKind: 'person',
          pseudonym: item.pseudonym,
          authorName: item.authorName,
          authorContact: item.authorContact,
          title: item.title,
          text: item.text,
        },
        user.id,
      );
      await setReply(
        ctx,
        planId,
        created.id,
        null,
        { decision: item.decision, reason: item.reason, response: item.response },
        user.id,
      );
      let themeId = themes.get(item.theme);
      if (themeId === undefined) {
        themeId = (await createTheme(ctx, planId, { label: item.theme }, user.id)).id;
        themes.set(item.theme, themeId);
      }
      await tagContribution(ctx, planId, created.id, themeId, user.id);
      ids.push(created.id);
    }
    return ids;
  } finally {
    await storage.close();
  }
}

/**
 * Releases the plan's answers as if `requesterEmail` asked and `signerEmail` signed off (storage
 * checks only that they differ; the release screens and their role checks are
 * results-release.spec.ts's subject). The public report shows released answers only.
 */
export async function releaseSeededAnswers(
  planId: string,
  requesterEmail: string,
  signerEmail: string,
): Promise<void> {
  const storage = await openStorage({ dataDir: dataDir(), logger: () => {} });
  try {
    const db = getDatabase(storage);
    const idOf = async (email: string) =>
      (
        await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id;
    const ctx = { db };
    const request = await requestRelease(ctx, planId, await idOf(requesterEmail));
    await signOffRelease(ctx, planId, request.id, await idOf(signerEmail));
  } finally {
    await storage.close();
  }
}
