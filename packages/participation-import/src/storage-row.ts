/**
 * An imported contribution as the row storage inserts (`NewContribution` of packages/storage,
 * results): the same field names, with what has no column of its own (labels, the platform's
 * status, counts, the reply target) in `sourceData`, and the platform's decision and answer as the
 * `reply`. The shape is declared here so this package needs no database code;
 * `tests/server/participation-import-row.test.ts` checks it against storage's zod schema.
 */
import type {
  AuthorKind,
  ContributionChannel,
  Decision,
  ImportedContribution,
} from './contribution.js';

/** The fields of storage's `NewContribution`, as this package fills them. */
export interface StorageContributionRow {
  channel: ContributionChannel;
  sourceSystem: string;
  sourceRef: string | null;
  sourceUrl: string | null;
  sourceData: Record<string, string | number | boolean | null> | null;
  /** `YYYY-MM-DD`. */
  receivedAt: string;
  authorKind: AuthorKind;
  pseudonym?: string;
  authorName: string | null;
  authorContact: string | null;
  contactConsent: boolean;
  cosignerCount: number;
  subjectId: string | null;
  title?: string;
  text: string;
  reply?: { decision: Decision | null; reason?: string; response?: string };
}

/** What the caller decides for the row. */
export interface StorageRowOptions {
  /** The plan's phase or format id the row's `subjectRef` resolved to (null: none). */
  subjectId: string | null;
  /** The day to record when the file gives none (`YYYY-MM-DD`, e.g. the import day). */
  receivedAtFallback: string;
  /** Source system when the file names none (e.g. the format, `generic`). */
  sourceSystemFallback: string;
}

/** The storage row of one imported contribution. */
export function toStorageRow(
  contribution: ImportedContribution,
  options: StorageRowOptions,
): StorageContributionRow {
  const data: Record<string, string | number | boolean | null> = {};
  if (contribution.labels.length > 0) data['labels'] = contribution.labels.join('; ');
  if (contribution.status) {
    data['status'] = contribution.status.raw;
    if (contribution.status.state) data['statusState'] = contribution.status.state;
  }
  if (contribution.inReplyTo) data['inReplyTo'] = contribution.inReplyTo;
  if (contribution.subjectRef && options.subjectId === null) {
    data['subjectRef'] = contribution.subjectRef;
  }
  for (const [key, value] of Object.entries(contribution.metrics)) {
    if (typeof value === 'number') data[key] = value;
  }
  const decision = contribution.status?.decision ?? null;
  const row: StorageContributionRow = {
    channel: contribution.channel,
    sourceSystem: contribution.sourceSystem ?? options.sourceSystemFallback,
    sourceRef: contribution.sourceRef,
    sourceUrl: contribution.sourceUrl,
    sourceData: Object.keys(data).length > 0 ? data : null,
    receivedAt: contribution.receivedAt ?? options.receivedAtFallback,
    authorKind: contribution.authorKind,
    authorName: contribution.authorName,
    authorContact: contribution.authorContact,
    contactConsent: contribution.contactConsent,
    cosignerCount: contribution.cosignerCount,
    subjectId: options.subjectId,
    text: contribution.text,
  };
  if (contribution.pseudonym !== null) row.pseudonym = contribution.pseudonym;
  if (contribution.title !== null) row.title = contribution.title;
  if (decision !== null || contribution.response !== null || contribution.reason !== null) {
    row.reply = { decision };
    if (contribution.response !== null) row.reply.response = contribution.response;
    if (contribution.reason !== null) row.reply.reason = contribution.reason;
  }
  return row;
}
