/**
 * Decidim's proposals and comments exports (admin "Export" → CSV, JSON or Excel). Field names are
 * those of `Decidim::Proposals::ProposalSerializer` and `Decidim::Comments::CommentSerializer`
 * (decidim/decidim, 0.27–0.28); the CSV writer (`Decidim::Exporters::CSV`) flattens nested hashes
 * into `parent/child` columns (`title/de`, `author/name`) and joins arrays with ", ", separated by
 * `Decidim.default_csv_col_sep` (`;` unless an installation changed it). The JSON export holds
 * the same hashes unflattened; {@link flattenDecidim} turns an entry into the CSV's columns.
 *
 * Proposals: `id`, `author/{id,name,url}`, `title/<locale>`, `body/<locale>`, `state`
 * (`accepted`, `rejected`, `evaluating`, `withdrawn`, empty = not answered), `reference`,
 * `answer/<locale>`, `votes` (older: `supports`), `comments`, `published_at`, `url`,
 * `coauthorships_count`, `category/name/<locale>`, `scope/name/<locale>`, `taxonomies/name/…`.
 * Comments: `id`, `created_at`, `body` (older: `body/<locale>`), `locale`, `author/{id,name}`,
 * `alignment`, `depth`, `user_group/name`, `commentable_id`, `commentable_type`,
 * `root_commentable_url`.
 */
import type { SourceStatus } from '../contribution.js';
import type { FieldColumns } from '../contribution-check.js';
import type { RowReader, TableHeader } from '../table.js';
import { htmlToText, lineText, multilineText, parseCount, parseDay, parseList } from '../values.js';
import { localized, type ContributionLayout, type ReadContext, type ReadRow } from './layout.js';

/** A Decidim JSON entry as the CSV exporter would have flattened it (`a/b` keys, text values). */
export function flattenDecidim(value: unknown, key = '', out: Record<string, string> = {}) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [sub, inner] of Object.entries(value)) {
      flattenDecidim(inner, key === '' ? sub : `${key}/${sub}`, out);
    }
  } else if (Array.isArray(value)) {
    out[key] = value
      .filter((item) => item !== null && item !== undefined)
      .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)))
      .join(', ');
  } else {
    out[key] = value === null || value === undefined ? '' : String(value);
  }
  return out;
}

/** Proposal states of Decidim (the default workflow) and what they mean here. */
const PROPOSAL_STATES: Record<string, Omit<SourceStatus, 'raw'>> = {
  '': { state: 'new', decision: null },
  not_answered: { state: 'new', decision: null },
  published: { state: 'new', decision: null },
  withdrawn: { state: 'new', decision: null },
  evaluating: { state: 'in_review', decision: null },
  accepted: { state: 'answered', decision: 'adopted' },
  rejected: { state: 'answered', decision: 'not_adopted' },
};

/** What a Decidim proposal state means; `state: null` for a custom state (Decidim 0.28+). */
export function decidimProposalStatus(raw: string): SourceStatus | null {
  const key = lineText(raw).toLowerCase();
  if (key === '') return null;
  const known = PROPOSAL_STATES[key];
  return known
    ? { raw: lineText(raw), ...known }
    : { raw: lineText(raw), state: null, decision: null };
}

function day(row: RowReader, names: readonly string[], columns: FieldColumns): string | null {
  for (const name of names) {
    const cell = row.cell([name]);
    if (!cell || cell.value.trim() === '') continue;
    const parsed = parseDay(cell.value);
    if (parsed.ok) {
      columns.receivedAt = cell.column;
      return parsed.value;
    }
    row.badValue(parsed.code, 'receivedAt', cell.column, cell.value);
    return null;
  }
  return null;
}

function count(row: RowReader, names: readonly string[], field: string): number | undefined {
  const cell = row.cell(names);
  if (!cell || cell.value.trim() === '') return undefined;
  const parsed = parseCount(cell.value);
  if (parsed.ok) return parsed.value ?? undefined;
  row.badValue(parsed.code, field, cell.column, cell.value);
  return undefined;
}

function readProposal(row: RowReader, context: ReadContext): ReadRow {
  const columns: FieldColumns = {};
  const { locales } = context;
  const title = localized(row, 'title', locales);
  const body = localized(row, 'body', locales);
  const answer = localized(row, 'answer', locales);
  if (title) columns.title = title.column;
  if (body) columns.text = body.column;
  if (answer) columns.response = answer.column;

  const stateCell = row.cell(['state']);
  const status = decidimProposalStatus(stateCell?.value ?? '');
  if (stateCell) columns.status = stateCell.column;
  if (status && status.state === null) {
    row.warning(
      'unknown_status',
      'status',
      `unknown proposal state ${JSON.stringify(status.raw)}`,
      {
        column: stateCell?.column ?? 'state',
        value: status.raw,
      },
    );
  }

  const url = lineText(row.text(['url']));
  const reference = lineText(row.text(['reference']));
  const id = lineText(row.text(['id']));
  const sourceRef = url || reference || (id ? `proposal-${id}` : '');
  if (sourceRef === '') row.error('missing', 'sourceRef', 'the proposal has no id');
  columns.sourceRef = url ? 'url' : reference ? 'reference' : 'id';

  const authors = parseList(row.text(['author/name']), /,/);
  const coauthors = count(row, ['coauthorships_count'], 'cosignerCount');
  const labels = [
    ...parseList(localized(row, 'category/name', locales)?.value ?? '', /,/),
    ...parseList(localized(row, 'taxonomies/name', locales)?.value ?? '', /,/),
  ];
  const metrics: ReadRow['value']['metrics'] = {};
  const supports = count(row, ['votes', 'supports'], 'metrics');
  const comments = count(row, ['comments'], 'metrics');
  if (supports !== undefined) metrics.supports = supports;
  if (comments !== undefined) metrics.comments = comments;
  const response = multilineText(htmlToText(answer?.value ?? ''));

  return {
    columns,
    value: {
      channel: context.defaults.channel ?? 'platform',
      sourceSystem: context.defaults.sourceSystem ?? 'decidim',
      sourceRef: sourceRef || null,
      receivedAt: day(row, ['published_at', 'created_at'], columns),
      authorKind: authors.length > 0 ? 'person' : 'anonymous',
      pseudonym: authors.length > 0 ? authors.join(', ') : null,
      authorName: null,
      authorContact: null,
      contactConsent: false,
      cosignerCount: Math.max(0, (coauthors ?? authors.length) - 1),
      subjectRef: context.defaults.subjectRef ?? null,
      title: lineText(htmlToText(title?.value ?? '')) || null,
      text: multilineText(htmlToText(body?.value ?? '')),
      labels: [...new Set(labels)],
      sourceUrl: url || null,
      status,
      response: response === '' ? null : response,
      reason: null,
      inReplyTo: null,
      metrics,
    },
  };
}

/** The reference of a Decidim comment: its permalink when the commented page's URL is known. */
export function decidimCommentReference(rootUrl: string, id: string): string {
  return rootUrl ? `${rootUrl}#comment_${id}` : `comment-${id}`;
}

function readComment(row: RowReader, context: ReadContext): ReadRow {
  const columns: FieldColumns = {};
  const id = lineText(row.text(['id']));
  const rootUrl = lineText(row.text(['root_commentable_url']));
  if (id === '') row.error('missing', 'sourceRef', 'the comment has no id');
  columns.sourceRef = 'id';
  const body = localized(row, 'body', context.locales);
  if (body) columns.text = body.column;

  // A reply points at its parent comment; a top-level comment at the commented proposal.
  const commentableType = row.text(['commentable_type']);
  const commentableId = lineText(row.text(['commentable_id']));
  const inReplyTo = /Comment$/.test(commentableType.trim())
    ? commentableId
      ? decidimCommentReference(rootUrl, commentableId)
      : null
    : rootUrl || null;

  const author = lineText(row.text(['author/name']));
  const group = lineText(row.text(['user_group/name']));

  return {
    columns,
    value: {
      channel: context.defaults.channel ?? 'platform',
      sourceSystem: context.defaults.sourceSystem ?? 'decidim',
      sourceRef: id ? decidimCommentReference(rootUrl, id) : null,
      receivedAt: day(row, ['created_at'], columns),
      authorKind: group ? 'organisation' : author ? 'person' : 'anonymous',
      pseudonym: group || author || null,
      authorName: null,
      authorContact: null,
      contactConsent: false,
      cosignerCount: 0,
      subjectRef: context.defaults.subjectRef ?? null,
      title: null,
      text: multilineText(htmlToText(body?.value ?? '')),
      labels: [],
      sourceUrl:
        rootUrl && id
          ? `${rootUrl}${rootUrl.includes('?') ? '&' : '?'}commentId=${id}#comment_${id}`
          : null,
      status: null,
      response: null,
      reason: null,
      inReplyTo,
      metrics: {},
    },
  };
}

/** Decidim proposals (CSV or JSON). */
export const decidimProposalsLayout: ContributionLayout = {
  format: 'decidim-proposals',
  matches: (header: TableHeader) =>
    header.has(['reference']) &&
    (header.has(['body']) || header.withPrefix('body/').length > 0) &&
    header.has(['state']),
  required: [
    {
      field: 'text',
      names: ['body/<locale>'],
      present: (header) => header.has(['body']) || header.withPrefix('body/').length > 0,
    },
  ],
  read: readProposal,
};

/** Decidim comments (CSV or JSON). */
export const decidimCommentsLayout: ContributionLayout = {
  format: 'decidim-comments',
  matches: (header: TableHeader) =>
    header.has(['commentable_type']) && header.has(['alignment']) && header.has(['id']),
  required: [{ field: 'sourceRef', names: ['id'] }],
  read: readComment,
};
