import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ActivityKind } from './activity-kinds.js';
import type { Role } from '@prozesswerkstatt/contract';
import type { ResultsDatabase } from './results-tables.js';
import type { MethodsDatabase } from './methods-tables.js';

export type { ActivityKind } from './activity-kinds.js';

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
  /** Who submitted the version for approval (storage-0005), null until submitted. */
  submitted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When it was submitted (ISO), null until submitted. */
  submitted_at: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * The guideline check of the snapshot as it came out when the version was taken (JSON of
   * guideline-check's `GuidelineCheck`, storage-0012); null for versions taken before.
   */
  guideline_check: ColumnType<string | null, string | null | undefined, string | null>;
  /** guideline-check's `GUIDELINE_RULES_VERSION` that check ran with; null with it. */
  guideline_rules_version: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** Set when its author deleted it; the body is then emptied and the row kept. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A member mentioned (by user id) in a comment. */
export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

/** Until when one user has read one thread (comments by others after it are unread). */
export interface CommentReadsTable {
  thread_id: string;
  user_id: string;
  last_read_at: string;
}

/** The threads that were open when a version was saved. */
export interface VersionOpenThreadsTable {
  version_id: string;
  thread_id: string;
  /** JSON `OpenThreadSnapshot`: the thread as its export showed it then (schema/version-open-threads.ts). */
  thread_json: string;
}

/**
 * A boolean flag: `integer` 0 or 1 on both dialects (SQLite has no boolean type), so both drivers
 * read back the same number.
 */
export type Flag = ColumnType<number, 0 | 1 | undefined, 0 | 1>;

/** An account. */
export interface UsersTable {
  /** Random id chosen by the app. */
  id: string;
  /** Lower-cased by the app before every write and lookup; unique. */
  email: string;
  /** Display name shown to other members and in presence. */
  name: string;
  /** Self-describing password hash (argon2id PHC string). */
  password_hash: string;
  /** May manage accounts (the first account gets it). */
  is_admin: Flag;
  /** May create plans and invite people. */
  is_facilitator: Flag;
  created_at: Timestamp;
}

/** A login session. The cookie carries a random token; only its hash is stored. */
export interface SessionsTable {
  /** Hex SHA-256 of the session token. */
  id: string;
  user_id: string;
  /** The session ends at this moment unless a request extends it (sliding expiry). */
  expires_at: string;
  created_at: Timestamp;
  /** Short summary of the browser's User-Agent at login ("Firefox on Linux"); null if unknown. */
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Lifecycle of a plan, mirrored from the plan document's meta for the listing. */
export type PlanStatusColumn = 'draft' | 'in_review' | 'approved' | 'running' | 'closed';

/**
 * A plan's listing entry and access anchor. The plan itself is the Yjs document `doc_name`;
 * `title`, `requesting_unit` and `status` are a cache of its meta for the plans list.
 */
export interface PlansTable {
  /** Random id, also the last segment of `doc_name`. */
  id: string;
  /** Name of the plan's Yjs document (`plans/<id>`); unique. */
  doc_name: string;
  title: string;
  requesting_unit: Generated<string>;
  /** The facilitator responsible for the plan (its creator). */
  facilitator_id: string;
  status: ColumnType<PlanStatusColumn, PlanStatusColumn | undefined, PlanStatusColumn>;
  /** Set while the plan is archived (hidden from the default list). */
  archived_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A member's role in one plan: the contract's `Role` (what each may do is its permission table). */
export type MemberRole = Role;

/** One account's membership in one plan. */
export interface PlanMembersTable {
  plan_id: string;
  user_id: string;
  role: MemberRole;
  added_at: Timestamp;
}

/** An invitation link to a plan. The link carries a random token; only its hash is stored. */
export interface InvitationsTable {
  /** Hex SHA-256 of the invitation token. */
  id: string;
  plan_id: string;
  /** Role the accepting account gets (never lowering a higher role it already has). */
  role: MemberRole;
  expires_at: string;
  created_by: string;
  created_at: Timestamp;
  revoked_at: string | null;
  /** How many acceptances the link allows; null only for links older than storage-0008 (no limit). */
  max_uses: number | null;
  /** Acceptances so far (storage-0008). */
  uses: Generated<number>;
  /** Lower-cased e-mail address of the only account that may accept; null: any account. */
  email: string | null;
}

/** One account's acceptance of one invitation (storage-0008). */
export interface InvitationAcceptancesTable {
  invitation_id: string;
  user_id: string;
  accepted_at: Timestamp;
}

/** Login and registration attempts of one throttling key in its current window (storage-0008). */
export interface LoginThrottleTable {
  /** What is counted: an account or a client address, prefixed by kind. */
  key: string;
  /** When the key's current window began. */
  window_start: string;
  attempts: number;
}

/** One entry of a plan's activity log (storage-0005). */
export interface PlanActivityTable {
  id: Generated<number>;
  doc_name: string;
  /** The account that acted; null for the server's own acts (automatic checkpoints). */
  user_id: string | null;
  kind: ActivityKind;
  /** The version the act concerns (saved, submitted, approved, rejected, restored, exported). */
  version_id: string | null;
  /** Free text: a rejection reason, an export format. */
  detail: string | null;
  created_at: Timestamp;
}

/** Kysely table types of everything this package's migrations create. */
export interface Database extends ResultsDatabase, MethodsDatabase {
  document_updates: DocumentUpdatesTable;
  versions: VersionsTable;
  version_approvals: VersionApprovalsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  comment_reads: CommentReadsTable;
  version_open_threads: VersionOpenThreadsTable;
  users: UsersTable;
  sessions: SessionsTable;
  plans: PlansTable;
  plan_members: PlanMembersTable;
  invitations: InvitationsTable;
  invitation_acceptances: InvitationAcceptancesTable;
  login_throttle: LoginThrottleTable;
  plan_activity: PlanActivityTable;
}

/** A version row as read. */
export type VersionRow = Selectable<VersionsTable>;
/** A version row as written. */
export type NewVersionRow = Insertable<VersionsTable>;
