/**
 * What the inbox sends to the browser per contribution: an excerpt instead of the whole text
 * (a letter may be 100,000 characters; a page lists 50), and the personal fields only for those
 * who may see them (editors and facilitators). Commenters and viewers get `personal: null`, so
 * the name and contact never leave the server for them.
 */
import { can, type Role } from '@prozesswerkstatt/contract';
import type {
  AuthorKind,
  ContributionChannel,
  ContributionListItem,
  ContributionState,
  Decision,
} from '@prozesswerkstatt/storage';

/** Characters of the text the list shows. */
export const EXCERPT_LENGTH = 240;

export interface InboxRow {
  id: string;
  channel: ContributionChannel;
  receivedAt: string;
  authorKind: AuthorKind;
  pseudonym: string;
  subjectId: string | null;
  title: string;
  excerpt: string;
  state: ContributionState;
  decision: Decision | null;
  cosignerCount: number;
  /** The cluster of duplicates it is in, if any. */
  clusterId: string | null;
  /** YYYY-MM-DD; with no decision after it, the item is overdue. */
  dueDate: string | null;
  /** Theme ids on it; `suggested` ones still wait for a person. */
  themes: { themeId: string; suggested: boolean }[];
  personal: { name: string | null; contact: string | null; contactConsent: boolean } | null;
}

/**
 * True when `role` may see names and contacts: those who weigh and answer (the contract's
 * `results.answer`), who also enter contributions.
 */
export function seesPersonalData(role: Role): boolean {
  return can(role, 'results.answer');
}

/** The first `length` characters of `text` with whitespace collapsed, "…" when cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

export function toInboxRow(item: ContributionListItem, role: Role): InboxRow {
  return {
    id: item.id,
    channel: item.channel,
    receivedAt: item.receivedAt,
    authorKind: item.authorKind,
    pseudonym: item.pseudonym,
    subjectId: item.subjectId,
    title: item.title,
    excerpt: excerptOf(item.text),
    state: item.state,
    decision: item.reply?.decision ?? null,
    cosignerCount: item.cosignerCount,
    clusterId: item.clusterId,
    dueDate: item.dueDate,
    themes: item.themes,
    personal: seesPersonalData(role)
      ? {
          name: item.authorName,
          contact: item.authorContact,
          contactConsent: item.contactConsent,
        }
      : null,
  };
}
