import type { Selectable } from 'kysely';
import type { ContributionsTable, RepliesTable } from '../schema/results-tables.js';
import type {
  AuthorKind,
  ContributionChannel,
  ContributionState,
  Decision,
  LinkKind,
} from '../schema/results-values.js';

/** A contribution as staff read it (with its personal fields). */
export interface Contribution {
  id: string;
  planId: string;
  channel: ContributionChannel;
  sourceSystem: string;
  sourceRef: string | null;
  sourceUrl: string | null;
  sourceData: Record<string, string | number | boolean | null> | null;
  receivedAt: string;
  authorKind: AuthorKind;
  pseudonym: string;
  authorName: string | null;
  authorContact: string | null;
  contactConsent: boolean;
  cosignerCount: number;
  cosigners: string[];
  subjectId: string | null;
  title: string;
  text: string;
  parentId: string | null;
  clusterId: string | null;
  receiptCode: string;
  state: ContributionState;
  assigneeUserId: string | null;
  assigneeDepartment: string | null;
  dueDate: string | null;
  /** Pass it back to `updateContribution`; a stale one gets a conflict. */
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
}

/** The current answer of a contribution. */
export interface Reply {
  contributionId: string;
  decision: Decision | null;
  reason: string;
  response: string;
  linkKind: LinkKind | null;
  linkId: string | null;
  measureId: string | null;
  duplicateOfId: string | null;
  /** Set when the answer was given to the contribution's cluster. */
  clusterId: string | null;
  /** Pass it back to `setReply`; a stale one gets a conflict. */
  version: number;
  updatedBy: string;
  updatedAt: string;
}

function parseJSON<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toContribution(row: Selectable<ContributionsTable>): Contribution {
  return {
    id: row.id,
    planId: row.plan_id,
    channel: row.channel,
    sourceSystem: row.source_system,
    sourceRef: row.source_ref,
    sourceUrl: row.source_url,
    sourceData: parseJSON(row.source_data, null),
    receivedAt: row.received_at,
    authorKind: row.author_kind,
    pseudonym: row.pseudonym,
    authorName: row.author_name,
    authorContact: row.author_contact,
    contactConsent: row.contact_consent === 1,
    cosignerCount: row.cosigner_count,
    cosigners: parseJSON<string[]>(row.cosigners, []),
    subjectId: row.subject_id,
    title: row.title,
    text: row.text,
    parentId: row.parent_id,
    clusterId: row.cluster_id,
    receiptCode: row.receipt_code,
    state: row.state,
    assigneeUserId: row.assignee_user_id,
    assigneeDepartment: row.assignee_department,
    dueDate: row.due_date,
    version: row.row_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function toReply(row: Selectable<RepliesTable>): Reply {
  return {
    contributionId: row.contribution_id,
    decision: row.decision,
    reason: row.reason,
    response: row.response,
    linkKind: row.link_kind,
    linkId: row.link_id,
    measureId: row.measure_id,
    duplicateOfId: row.duplicate_of_id,
    clusterId: row.cluster_id,
    version: row.row_version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

/** zod issues as {@link ResultsInputIssue}s. */
export function issuesOf(
  error: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] },
  index?: number,
) {
  return error.issues.map((issue) => ({
    ...(index === undefined ? {} : { index }),
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}
