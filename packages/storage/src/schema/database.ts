import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * An ISO-8601 UTC timestamp string (`2025-01-31T12:00:00.000Z`). SQLite stores it as text; the
 * PostgreSQL adapter stores `timestamptz` and parses it back into the same string form, so callers
 * see one type on both dialects. Omit it on insert to get the database's current time.
 */
export type Timestamp = ColumnType<string, string | undefined, string>;

/** Binary column: `blob` in SQLite, `bytea` in PostgreSQL; both drivers return a Node `Buffer`. */
export type Binary = Uint8Array;

/** One entry of a document's append-only log of Yjs updates. */
export interface DocumentUpdatesTable {
  /** Monotonic per database; compaction relies on it to tell old entries from concurrent ones. */
  id: Generated<number>;
  doc_name: string;
  /** One Yjs update (v1 encoding), or the merge of several after compaction. */
  data: Binary;
  created_at: Timestamp;
}

/** Why a version exists: named by a user, taken automatically, or saved before a restore. */
export type VersionKind = 'named' | 'checkpoint' | 'before_restore';

/** Approval workflow state of a version. `approved` rows are immutable (enforced by triggers). */
export type VersionStatus = 'draft' | 'in_review' | 'approved' | 'rejected' | 'superseded';

/** A snapshot of a whole plan document. */
export interface VersionsTable {
  /** Random id chosen by the caller. */
  id: string;
  doc_name: string;
  kind: VersionKind;
  label: string;
  note: string | null;
  /** `Y.encodeStateAsUpdate` of the plan document at that moment. */
  state: Binary;
  /** Canonical JSON export of the plan, the input of `sha256`. */
  canonical_json: string;
  /** Hex SHA-256 of `canonical_json`. */
  sha256: string;
  author_id: string;
  created_at: Timestamp;
  status: VersionStatus;
}

/** A sign-off decision on a version. */
export type ApprovalDecision = 'approved' | 'rejected';

/** One user's decision, in one role, on one version. */
export interface VersionApprovalsTable {
  version_id: string;
  user_id: string;
  /** The role the user signed in (e.g. `facilitator`, `requesting_unit`). */
  role: string;
  decision: ApprovalDecision;
  reason: string | null;
  created_at: Timestamp;
}

/** Whether a comment thread still needs attention. */
export type CommentThreadStatus = 'open' | 'resolved';

/** A comment thread anchored to an element or a text range of a plan. */
export interface CommentThreadsTable {
  id: string;
  doc_name: string;
  /** JSON text: the element id, or a rich-text field plus Yjs relative positions. */
  anchor: string;
  status: CommentThreadStatus;
  created_by: string;
  created_at: Timestamp;
  resolved_at: string | null;
}

/** One comment (the first one opens the thread, the others reply). */
export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
  edited_at: string | null;
}

/** Kysely table types of everything this package's migrations create. */
export interface Database {
  document_updates: DocumentUpdatesTable;
  versions: VersionsTable;
  version_approvals: VersionApprovalsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
}

/** A version row as read. */
export type VersionRow = Selectable<VersionsTable>;
/** A version row as written. */
export type NewVersionRow = Insertable<VersionsTable>;
