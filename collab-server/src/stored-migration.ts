import {
  migrationUpdate,
  storedInlineContributions,
  type InlineContribution,
} from '@prozesswerkstatt/plan-model';
import {
  getDatabase,
  insertContributions,
  isSqlStorage,
  type Decision,
  type DocumentStorage,
  type NewContribution,
} from '@prozesswerkstatt/storage';
import * as Y from 'yjs';

/** Where contributions moved out of a plan document come from (their source reference is their id). */
export const PLAN_DOCUMENT_SOURCE = 'plan-document';

const DECISION_OF: Record<InlineContribution['response'], Decision | null> = {
  open: null,
  adopted: 'adopted',
  partly: 'partly_adopted',
  rejected: 'not_adopted',
};

/** A schema-3 contribution as a row of storage's contributions table. */
function asRow(contribution: InlineContribution, receivedAt: string): NewContribution {
  const decision = DECISION_OF[contribution.response];
  const text = contribution.text.trim();
  return {
    channel: 'other',
    sourceSystem: PLAN_DOCUMENT_SOURCE,
    sourceRef: `${contribution.subjectId}/${contribution.id}`,
    receivedAt,
    authorKind: 'anonymous',
    subjectId: contribution.subjectId || null,
    // The old form allowed an empty text; the table needs one.
    text: text === '' ? '–' : text,
    ...((decision || contribution.reason.trim()) && {
      reply: { decision, reason: contribution.reason.trim() },
    }),
  };
}

/**
 * Moves the contributions a stored plan document still holds inline (schema 3 and older) into
 * storage's tables, before migration 004 removes them from the document. Idempotent: a row is
 * found again by its source reference, so a load that failed between this and the migration
 * copies nothing twice. False when they cannot be moved (no SQL storage, or no plan row for the
 * document): the document then stays unmigrated rather than lose them.
 */
async function moveInlineContributions(
  storage: DocumentStorage,
  name: string,
  stored: Uint8Array,
): Promise<boolean> {
  const inline = storedInlineContributions(stored).filter(
    (c) => c.text.trim() !== '' || c.reason.trim() !== '' || c.response !== 'open',
  );
  if (inline.length === 0) return true;
  if (!isSqlStorage(storage)) return false;
  const db = getDatabase(storage);
  const plan = await db
    .selectFrom('plans')
    .select('id')
    .where('doc_name', '=', name)
    .executeTakeFirst();
  if (!plan) return false;
  const now = new Date().toISOString();
  await insertContributions(
    { db },
    plan.id,
    inline.map((c) => asRow(c, now)),
    null,
  );
  return true;
}

/**
 * Brings a plan document of an older schema version up to date as it is loaded, before any
 * client syncs: the migration's update is stored like any edit and is part of the state the
 * room serves. So one party converts each document (for plan/003, strings into `Y.Text`; for
 * plan/004, contributions into storage's tables first), and browsers never race each other
 * converting the same field. Documents that are current, or not plans, are returned untouched
 * (the check decodes the state once per load).
 */
export async function migrateStoredDocument(
  storage: DocumentStorage,
  name: string,
  stored: Uint8Array | null,
  warn: (message: string) => void = (message) => console.warn(message),
): Promise<{ state: Uint8Array | null; appended: number }> {
  const update = stored && migrationUpdate(stored);
  if (!stored || !update) return { state: stored, appended: 0 };
  if (!(await moveInlineContributions(storage, name, stored))) {
    warn(`collab: ${name} keeps its old schema: its contributions have no table to move to`);
    return { state: stored, appended: 0 };
  }
  await storage.appendUpdates(name, [update]);
  return { state: Y.mergeUpdates([stored, update]), appended: 1 };
}
