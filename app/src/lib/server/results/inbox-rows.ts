/**
 * What the inbox sends to the browser per contribution: an excerpt instead of the whole text
 * (a letter may be 100,000 characters; a page lists 50), and the personal fields only for those
 * who may see them (editors and facilitators). Commenters and viewers get `personal: null`, so
 * the name and contact never leave the server for them.
 */
import type {
  AuthorKind,
  ContributionChannel,
  ContributionListItem,
  ContributionState,
  Decision,
  MemberRole,
} from '@prozesswerkstatt/storage';
import { hasRole } from '../membership.js';

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
  personal: { name: string | null; contact: string | null; contactConsent: boolean } | null;
}

/** True when `role` may see names and contacts (and enter or change contributions). */
export function seesPersonalData(role: MemberRole): boolean {
  return hasRole(role, 'editor');
}

/** The first `length` characters of `text` with whitespace collapsed, "…" when cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

export function toInboxRow(item: ContributionListItem, role: MemberRole): InboxRow {
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
    personal: seesPersonalData(role)
      ? {
          name: item.authorName,
          contact: item.authorContact,
          contactConsent: item.contactConsent,
        }
      : null,
  };
}
