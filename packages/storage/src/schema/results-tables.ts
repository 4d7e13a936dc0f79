import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from './database.js';
import type {
  AuthorKind,
  ContributionChannel,
  ContributionState,
  Decision,
  LinkKind,
  MeasureStatus,
  ReleaseStatus,
} from './results-values.js';

/** A nullable column that may be left out on insert (then null). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A column with a database default that may be left out on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** Kysely types of the participation result tables (storage-0010, `results-migration.ts`). */
export interface ResultClustersTable {
  id: string;
  plan_id: string;
  label: Defaulted<string>;
  row_version: Defaulted<number>;
  created_by: Optional<string>;
  created_at: Timestamp;
}

/** One contribution from any channel. Personal fields: author_name, author_contact, cosigners. */
export interface ContributionsTable {
  id: string;
  plan_id: string;
  channel: ContributionChannel;
  source_system: string;
  source_ref: Optional<string>;
  source_url: Optional<string>;
  /** JSON object of source fields without a column. */
  source_data: Optional<string>;
  received_at: string;
  author_kind: AuthorKind;
  pseudonym: string;
  author_name: Optional<string>;
  author_contact: Optional<string>;
  contact_consent: Flag;
  cosigner_count: Defaulted<number>;
  /** JSON array of names. */
  cosigners: Optional<string>;
  subject_id: Optional<string>;
  title: Defaulted<string>;
  text: string;
  parent_id: Optional<string>;
  cluster_id: Optional<string>;
  receipt_code: string;
  state: Defaulted<ContributionState>;
  assignee_user_id: Optional<string>;
  assignee_department: Optional<string>;
  /** YYYY-MM-DD. */
  due_date: Optional<string>;
  row_version: Defaulted<number>;
  created_by: Optional<string>;
  created_at: Timestamp;
  updated_by: Optional<string>;
  updated_at: Timestamp;
}

/** A node of a plan's theme tree. */
export interface ResultThemesTable {
  id: string;
  plan_id: string;
  parent_id: Optional<string>;
  label: string;
  created_by: Optional<string>;
  created_at: Timestamp;
}

/** A theme on a contribution: suggested (1) until a person accepts it, or tagged by hand (0). */
export interface ContributionThemesTable {
  contribution_id: string;
  theme_id: string;
  suggested: Flag;
  explanation: Optional<string>;
  created_by: Optional<string>;
  created_at: Timestamp;
  accepted_by: Optional<string>;
  accepted_at: Optional<string>;
}

/** The current answer of one contribution. */
export interface RepliesTable {
  contribution_id: string;
  plan_id: string;
  decision: Optional<Decision>;
  reason: Defaulted<string>;
  response: Defaulted<string>;
  link_kind: Optional<LinkKind>;
  link_id: Optional<string>;
  measure_id: Optional<string>;
  duplicate_of_id: Optional<string>;
  cluster_id: Optional<string>;
  row_version: Defaulted<number>;
  updated_by: string;
  updated_at: Timestamp;
}

/** A reply as it was after one change. */
export interface ReplyHistoryTable {
  id: Generated<number>;
  plan_id: string;
  contribution_id: string;
  row_version: number;
  decision: Optional<Decision>;
  reason: string;
  response: string;
  link_kind: Optional<LinkKind>;
  link_id: Optional<string>;
  measure_id: Optional<string>;
  duplicate_of_id: Optional<string>;
  cluster_id: Optional<string>;
  changed_by: string;
  changed_at: Timestamp;
}

/** A reusable answer of one plan. */
export interface ReplyTemplatesTable {
  id: string;
  plan_id: string;
  label: string;
  decision: Optional<Decision>;
  reason: Defaulted<string>;
  response: Defaulted<string>;
  created_by: Optional<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A request to release a plan's answers, and its sign-off by a second person. */
export interface ResultReleasesTable {
  id: string;
  plan_id: string;
  status: Defaulted<ReleaseStatus>;
  requested_by: string;
  requested_at: Timestamp;
  history_mark: Defaulted<number>;
  signed_off_by: Optional<string>;
  released_at: Optional<string>;
  item_count: Defaulted<number>;
}

/** An answer as one release made it public. */
export interface ReleasedRepliesTable {
  release_id: string;
  plan_id: string;
  contribution_id: string;
  decision: Decision;
  reason: string;
  response: string;
  duplicate_of_id: Optional<string>;
  measure_id: Optional<string>;
  released_at: string;
  /** The public form, pseudonymised at release (storage-0013); null on rows released before. */
  public_title: Optional<string>;
  public_text: Optional<string>;
  public_reason: Optional<string>;
  public_response: Optional<string>;
  link_kind: Optional<LinkKind>;
  link_id: Optional<string>;
}

/** A measure of implementation (Decidim's accountability "result"). */
export interface MeasuresTable {
  id: string;
  plan_id: string;
  parent_id: Optional<string>;
  external_id: Optional<string>;
  status: Defaulted<MeasureStatus>;
  progress: Defaulted<number>;
  start_date: Optional<string>;
  end_date: Optional<string>;
  weight: Defaulted<number>;
  /** JSON object locale → text. */
  title: string;
  /** JSON object locale → text. */
  description: Defaulted<string>;
  row_version: Defaulted<number>;
  created_by: Optional<string>;
  created_at: Timestamp;
  updated_by: Optional<string>;
  updated_at: Timestamp;
}

export interface MeasureMilestonesTable {
  id: string;
  measure_id: string;
  title: string;
  due_date: Optional<string>;
  done_at: Optional<string>;
  position: Defaulted<number>;
}

export interface MeasureContributionsTable {
  measure_id: string;
  contribution_id: string;
}

/** The decisions as they were when a version was saved. */
export interface VersionDecisionsTable {
  version_id: string;
  contribution_id: string;
  decision_json: string;
}

/** The result tables, merged into `Database`. */
export interface ResultsDatabase {
  result_clusters: ResultClustersTable;
  contributions: ContributionsTable;
  result_themes: ResultThemesTable;
  contribution_themes: ContributionThemesTable;
  replies: RepliesTable;
  reply_history: ReplyHistoryTable;
  reply_templates: ReplyTemplatesTable;
  result_releases: ResultReleasesTable;
  released_replies: ReleasedRepliesTable;
  measures: MeasuresTable;
  measure_milestones: MeasureMilestonesTable;
  measure_contributions: MeasureContributionsTable;
  version_decisions: VersionDecisionsTable;
}
