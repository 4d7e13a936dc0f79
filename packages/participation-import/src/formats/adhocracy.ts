/**
 * The ideas export of mein.berlin (liqd/a4-meinberlin) and adhocracy+ (liqd/adhocracy-plus), an
 * XLSX written by adhocracy4's export mixins. Its headers are the mixins' verbose names in the
 * exporting user's language; the English ones are from adhocracy4/exports/mixins and the apps'
 * `IdeaExportView`, the German ones from the projects' `locale/…/django.po`:
 *
 * | field                | English            | German                          |
 * | -------------------- | ------------------ | ------------------------------- |
 * | reference_number     | Reference No.      | Referenznr.                     |
 * | link                 | Link               | Link                            |
 * | name                 | Title              | Titel                           |
 * | description          | Description        | Beschreibung                    |
 * | category             | Category           | Kategorie                       |
 * | labels               | Labels             | Merkmale                        |
 * | ratings_positive     | Positive ratings   | Positive Bewertungen            |
 * | ratings_negative     | Negative ratings   | Negative Bewertungen            |
 * | comment_count        | Comment count      | Anzahl Kommentare               |
 * | moderator_status     | Status             | Status                          |
 * | moderator_feedback_text | Feedback        | Rückmeldung                     |
 * | creator              | Creator            | Urheber (Urheber*in)            |
 * | created              | Created            | Erstellt                        |
 *
 * Older exports name the status "Moderator feedback" („Rückmeldung der Moderation“) and the
 * feedback "Official Statement" („Offizielle Rückmeldung“); both are read too. A module's category
 * or label alias renames those two columns, which the reader cannot know (they are then ignored).
 */
import type { SourceStatus } from '../contribution.js';
import type { FieldColumns } from '../contribution-check.js';
import type { RowReader, TableHeader } from '../table.js';
import {
  htmlToText,
  lineText,
  matchKey,
  multilineText,
  parseCount,
  parseDay,
  parseList,
} from '../values.js';
import type { ContributionLayout, ReadContext, ReadRow } from './layout.js';

const COLUMNS = {
  reference: ['reference_number', 'Reference No.', 'Referenznr.', 'Referenznummer'],
  link: ['link', 'Link'],
  title: ['name', 'Title', 'Titel'],
  description: ['description', 'Description', 'Beschreibung'],
  category: ['category', 'Category', 'Kategorie'],
  labels: ['labels', 'Labels', 'Merkmale'],
  positive: ['ratings_positive', 'Positive ratings', 'Positive Bewertungen'],
  negative: ['ratings_negative', 'Negative ratings', 'Negative Bewertungen'],
  comments: ['comment_count', 'Comment count', 'Anzahl Kommentare'],
  status: [
    'moderator_status',
    'Status',
    'Moderator feedback',
    'Rückmeldung der Moderation',
    'Bearbeitungsstatus',
  ],
  feedback: [
    'moderator_feedback_text',
    'Feedback',
    'Rückmeldung',
    'Official Statement',
    'Offizielle Rückmeldung',
  ],
  creator: ['creator', 'Creator', 'Urheber', 'Urheber*in', 'Urheberin'],
  created: ['created', 'Created', 'Erstellt'],
  email: ['contact_email', 'Contact E-Mail', 'Kontakt E-Mail', 'creator_email'],
  phone: ['contact_phone', 'Contact Phone', 'Kontakt Telefon'],
} as const;

/**
 * The moderator statuses (`DEFAULT_CHOICES` of the moderatorfeedback apps: CONSIDERATION,
 * QUALIFIED, REJECTED, ACCEPTED; older adhocracy+ also CHECKED) by key and display text. The
 * export writes the display text in the exporting user's language; German texts from the .po.
 */
const STATUS_TABLE: readonly { names: readonly string[]; status: Omit<SourceStatus, 'raw'> }[] = [
  {
    names: ['CONSIDERATION', 'Under consideration', 'wird geprüft', 'In Prüfung'],
    status: { state: 'in_review', decision: null },
  },
  {
    names: [
      'QUALIFIED',
      'Qualified for next phase',
      'Für die nächste Phase qualifiziert',
      'Qualifiziert für die nächste Phase',
    ],
    status: { state: 'in_review', decision: null },
  },
  { names: ['CHECKED', 'Checked', 'geprüft'], status: { state: 'answered', decision: 'noted' } },
  {
    names: ['ACCEPTED', 'Accepted', 'wird umgesetzt', 'angenommen'],
    status: { state: 'answered', decision: 'adopted' },
  },
  {
    names: ['REJECTED', 'Rejected', 'nicht umgesetzt', 'abgelehnt'],
    status: { state: 'answered', decision: 'not_adopted' },
  },
];

const STATUS_LOOKUP = new Map(
  STATUS_TABLE.flatMap((entry) =>
    entry.names.map((name) => [matchKey(name), entry.status] as const),
  ),
);

/** What an adhocracy status means here; null for an empty one, `state: null` if unknown. */
export function adhocracyStatus(raw: string): SourceStatus | null {
  const text = lineText(raw);
  if (text === '') return null;
  const known = STATUS_LOOKUP.get(matchKey(text));
  return known ? { raw: text, ...known } : { raw: text, state: null, decision: null };
}

function matches(header: TableHeader): boolean {
  return header.has(COLUMNS.reference) && header.has(COLUMNS.description);
}

function read(row: RowReader, context: ReadContext): ReadRow {
  const columns: FieldColumns = {};
  const take = (names: readonly string[], field: keyof FieldColumns) => {
    const cell = row.cell(names);
    if (cell && !columns[field]) columns[field] = cell.column;
    return cell;
  };
  const count = (names: readonly string[], field: string): number | undefined => {
    const cell = row.cell(names);
    if (!cell) return undefined;
    const parsed = parseCount(cell.value);
    if (!parsed.ok) {
      row.badValue(parsed.code, field, cell.column, cell.value);
      return undefined;
    }
    return parsed.value ?? undefined;
  };

  const statusCell = take(COLUMNS.status, 'status');
  const status = adhocracyStatus(statusCell?.value ?? '');
  if (status && status.state === null && statusCell) {
    row.warning('unknown_status', 'status', `unknown status ${JSON.stringify(status.raw)}`, {
      column: statusCell.column,
      value: status.raw,
    });
  }

  const createdCell = take(COLUMNS.created, 'receivedAt');
  let receivedAt: string | null = null;
  if (createdCell) {
    const day = parseDay(createdCell.value);
    if (day.ok) receivedAt = day.value;
    else row.badValue(day.code, 'receivedAt', createdCell.column, createdCell.value);
  }

  const contacts = [take(COLUMNS.email, 'authorContact')?.value ?? '', row.text(COLUMNS.phone)]
    .map(lineText)
    .filter((part) => part !== '');
  const creator = lineText(take(COLUMNS.creator, 'pseudonym')?.value ?? '');
  const metrics: ReadRow['value']['metrics'] = {};
  const supports = count(COLUMNS.positive, 'metrics');
  const opposes = count(COLUMNS.negative, 'metrics');
  const comments = count(COLUMNS.comments, 'metrics');
  if (supports !== undefined) metrics.supports = supports;
  if (opposes !== undefined) metrics.opposes = opposes;
  if (comments !== undefined) metrics.comments = comments;

  const title = lineText(take(COLUMNS.title, 'title')?.value ?? '');
  const feedback = multilineText(htmlToText(take(COLUMNS.feedback, 'response')?.value ?? ''));
  const labels = [
    ...parseList(take(COLUMNS.category, 'labels')?.value ?? '', /\n/),
    ...parseList(row.text(COLUMNS.labels), /[,\n]/),
  ];
  const reference = lineText(take(COLUMNS.reference, 'sourceRef')?.value ?? '');
  if (reference === '') row.error('missing', 'sourceRef', 'the reference number is empty');

  return {
    columns,
    value: {
      channel: context.defaults.channel ?? 'platform',
      sourceSystem: context.defaults.sourceSystem ?? 'mein.berlin',
      sourceRef: reference === '' ? null : reference,
      receivedAt,
      authorKind: creator === '' ? 'anonymous' : 'person',
      pseudonym: creator === '' ? null : creator,
      authorName: null,
      authorContact: contacts.length > 0 ? contacts.join('\n') : null,
      contactConsent: contacts.length > 0,
      cosignerCount: 0,
      subjectRef: context.defaults.subjectRef ?? null,
      title: title === '' ? null : title,
      text: multilineText(htmlToText(take(COLUMNS.description, 'text')?.value ?? '')),
      labels: [...new Set(labels)],
      sourceUrl: lineText(take(COLUMNS.link, 'sourceUrl')?.value ?? '') || null,
      status,
      response: feedback === '' ? null : feedback,
      reason: null,
      inReplyTo: null,
      metrics,
    },
  };
}

/** The mein.berlin / adhocracy+ ideas export. */
export const adhocracyLayout: ContributionLayout = {
  format: 'adhocracy',
  matches,
  required: [
    { field: 'sourceRef', names: COLUMNS.reference },
    { field: 'text', names: COLUMNS.description },
  ],
  read,
};
