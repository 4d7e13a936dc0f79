/**
 * The inbox as rows of the generic format (packages/participation-import writes them): the same
 * columns the import reads, so an export can be edited in a spreadsheet and read back. The phase
 * or format is written by title (the import matches titles). Names and contacts only for those
 * who see them in the inbox (`seesPersonalData`): for everyone else they stay empty.
 */
import type { Role } from '@prozesswerkstatt/contract';
import type { ImportedContribution } from '@prozesswerkstatt/participation-import';
import {
  listContributions,
  type ContributionListItem,
  type Executor,
} from '@prozesswerkstatt/storage';
import { seesPersonalData } from './inbox-rows.js';
import type { ResultSubject } from './result-subjects.js';

/** Rows read per query: keyset pages, so memory holds one page however large the inbox. */
const PAGE = 500;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** One stored contribution as a generic row. */
export function toExportRow(
  item: ContributionListItem,
  subjectTitles: ReadonlyMap<string, string>,
  role: Role,
): ImportedContribution {
  const personal = seesPersonalData(role);
  const data = item.sourceData ?? {};
  const decision = item.reply?.decision ?? null;
  return {
    channel: item.channel,
    sourceSystem: item.sourceSystem,
    sourceRef: item.sourceRef,
    receivedAt: item.receivedAt.slice(0, 10),
    authorKind: item.authorKind,
    pseudonym: item.pseudonym || null,
    authorName: personal ? item.authorName : null,
    authorContact: personal ? item.authorContact : null,
    contactConsent: personal ? item.contactConsent : false,
    cosignerCount: item.cosignerCount,
    subjectRef: item.subjectId ? (subjectTitles.get(item.subjectId) ?? item.subjectId) : null,
    title: item.title || null,
    text: item.text,
    labels: (text(data['labels']) ?? '').split('; ').filter((label) => label !== ''),
    sourceUrl: item.sourceUrl,
    status: decision ? { raw: '', state: null, decision } : null,
    response: text(item.reply?.response),
    reason: text(item.reply?.reason),
    inReplyTo: text(data['inReplyTo']),
    metrics: {},
  };
}

/** Every contribution of the plan as a generic row, page by page. */
export async function* exportRows(
  db: Executor,
  planId: string,
  subjects: readonly ResultSubject[],
  role: Role,
): AsyncGenerator<ImportedContribution> {
  const titles = new Map(subjects.map((subject) => [subject.id, subject.title]));
  let cursor: string | null = null;
  do {
    const page = await listContributions(db, planId, {}, { limit: PAGE, cursor });
    for (const item of page.items) yield toExportRow(item, titles, role);
    cursor = page.nextCursor;
  } while (cursor !== null);
}
