/**
 * The generic format: one contribution per row, columns in docs/formats.md. Headers are read in
 * German, English or as the column key; the writer uses the language asked for. Only `channel`
 * and `text` are required; every other column may be missing or empty.
 */
import type { ImportedContribution } from '../contribution.js';
import type { FieldColumns } from '../contribution-check.js';
import type { RowReader, TableHeader } from '../table.js';
import { lineText, multilineText, parseCount, parseDay, parseList, parseYesNo } from '../values.js';
import { authorKindOf, channelOf, decisionOf, type FileLanguage } from '../vocabulary.js';
import type { ContributionLayout, ReadContext, ReadRow } from './layout.js';

/** A column of the generic format: its key and its German and English headers. */
export interface GenericColumn {
  key: string;
  de: string;
  en: string;
}

/** The generic format's columns, in the order the writer puts them. */
export const GENERIC_COLUMNS = [
  { key: 'channel', de: 'Kanal', en: 'Channel' },
  { key: 'source_system', de: 'Quellsystem', en: 'Source system' },
  { key: 'source_reference', de: 'Quellreferenz', en: 'Source reference' },
  { key: 'received_on', de: 'Eingangsdatum', en: 'Received on' },
  { key: 'author_kind', de: 'Absenderart', en: 'Author kind' },
  { key: 'pseudonym', de: 'Pseudonym', en: 'Pseudonym' },
  { key: 'author_name', de: 'Name', en: 'Author name' },
  { key: 'contact', de: 'Kontakt', en: 'Contact' },
  { key: 'contact_consent', de: 'Kontakt erlaubt', en: 'Contact consent' },
  { key: 'co_signers', de: 'Mitzeichnende', en: 'Co-signers' },
  { key: 'subject', de: 'Phase/Format', en: 'Phase/format' },
  { key: 'title', de: 'Titel', en: 'Title' },
  { key: 'text', de: 'Text', en: 'Text' },
  { key: 'labels', de: 'Themen', en: 'Labels' },
  { key: 'url', de: 'Link', en: 'Link' },
  { key: 'in_reply_to', de: 'Antwort auf', en: 'In reply to' },
  { key: 'decision', de: 'Entscheidung', en: 'Decision' },
  { key: 'response', de: 'Antwort', en: 'Response' },
  { key: 'reason', de: 'Begründung', en: 'Reason' },
] as const satisfies readonly GenericColumn[];

type GenericKey = (typeof GENERIC_COLUMNS)[number]['key'];

const NAMES = Object.fromEntries(
  GENERIC_COLUMNS.map((c): [string, readonly string[]] => [c.key, [c.key, c.de, c.en]]),
) as Record<GenericKey, readonly string[]>;

/** The header the generic writer puts for each column in `language`. */
export function genericHeader(language: FileLanguage): string[] {
  return GENERIC_COLUMNS.map((column) => column[language]);
}

function matches(header: TableHeader): boolean {
  return header.has(NAMES.text);
}

/**
 * True when any column is one of the generic format's, so a file that lacks `Text` is reported
 * as missing that column rather than as an unknown layout.
 */
export function hasGenericColumn(header: TableHeader): boolean {
  return GENERIC_COLUMNS.some((column) => header.has(NAMES[column.key]));
}

function read(row: RowReader, context: ReadContext): ReadRow {
  const columns: FieldColumns = {};
  const take = (key: GenericKey, field: keyof ImportedContribution) => {
    const cell = row.cell(NAMES[key]);
    if (cell) columns[field] = cell.column;
    return cell;
  };
  const line = (key: GenericKey, field: keyof ImportedContribution) => {
    const text = lineText(take(key, field)?.value ?? '');
    return text === '' ? null : text;
  };

  const channelCell = take('channel', 'channel');
  let channel = context.defaults.channel ?? null;
  if (channelCell && channelCell.value.trim() !== '') {
    channel = channelOf(channelCell.value);
    if (channel === null)
      row.badValue('invalid_value', 'channel', channelCell.column, channelCell.value);
  } else if (channel === null) {
    row.error('missing', 'channel', 'the channel is empty', {
      ...(channelCell ? { column: channelCell.column } : {}),
    });
  }

  const kindCell = take('author_kind', 'authorKind');
  let authorKind = authorKindOf(kindCell?.value ?? '') ?? null;
  if (kindCell && kindCell.value.trim() !== '' && authorKind === null) {
    row.badValue('invalid_value', 'authorKind', kindCell.column, kindCell.value);
  }

  const dayCell = take('received_on', 'receivedAt');
  let receivedAt: string | null = null;
  if (dayCell) {
    const day = parseDay(dayCell.value);
    if (day.ok) receivedAt = day.value;
    else row.badValue(day.code, 'receivedAt', dayCell.column, dayCell.value);
  }

  const consentCell = take('contact_consent', 'contactConsent');
  let contactConsent = false;
  if (consentCell) {
    const consent = parseYesNo(consentCell.value);
    if (consent.ok) contactConsent = consent.value;
    else row.badValue(consent.code, 'contactConsent', consentCell.column, consentCell.value);
  }

  const signersCell = take('co_signers', 'cosignerCount');
  let cosignerCount = 0;
  if (signersCell) {
    const count = parseCount(signersCell.value);
    if (count.ok) cosignerCount = count.value ?? 0;
    else row.badValue(count.code, 'cosignerCount', signersCell.column, signersCell.value);
  }

  const decisionCell = take('decision', 'status');
  let status: ImportedContribution['status'] = null;
  if (decisionCell && decisionCell.value.trim() !== '') {
    const decision = decisionOf(decisionCell.value);
    if (decision === null) {
      row.badValue('invalid_value', 'status', decisionCell.column, decisionCell.value);
    } else {
      status = { raw: lineText(decisionCell.value), state: 'answered', decision };
    }
  }

  const pseudonym = line('pseudonym', 'pseudonym');
  const authorName = line('author_name', 'authorName');
  const authorContact = multilineText(take('contact', 'authorContact')?.value ?? '') || null;
  if (authorKind === null) authorKind = pseudonym || authorName ? 'person' : 'anonymous';
  const response = multilineText(take('response', 'response')?.value ?? '') || null;
  const reason = multilineText(take('reason', 'reason')?.value ?? '') || null;

  const value: ImportedContribution = {
    channel: channel ?? 'other',
    sourceSystem: line('source_system', 'sourceSystem') ?? context.defaults.sourceSystem ?? null,
    sourceRef: line('source_reference', 'sourceRef'),
    receivedAt,
    authorKind,
    pseudonym,
    authorName,
    authorContact,
    contactConsent,
    cosignerCount,
    subjectRef: line('subject', 'subjectRef') ?? context.defaults.subjectRef ?? null,
    title: line('title', 'title'),
    text: multilineText(take('text', 'text')?.value ?? ''),
    labels: parseList(take('labels', 'labels')?.value ?? ''),
    sourceUrl: line('url', 'sourceUrl'),
    status,
    response,
    reason,
    inReplyTo: line('in_reply_to', 'inReplyTo'),
    metrics: {},
  };
  return { value, columns };
}

/** The generic contribution format (CSV with `;` or XLSX). */
export const genericLayout: ContributionLayout = {
  format: 'generic',
  matches,
  required: [
    {
      field: 'channel',
      names: [GENERIC_COLUMNS[0].de, ...NAMES.channel],
      unlessDefault: 'channel',
    },
    { field: 'text', names: [GENERIC_COLUMNS[12].de, ...NAMES.text] },
  ],
  read,
};
