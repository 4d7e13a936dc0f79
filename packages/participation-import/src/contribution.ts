/**
 * The normalized contribution every importer produces, whatever the file looked like. It holds
 * what the file says and nothing the database decides (ids, the plan, who imported it). Field
 * names and vocabularies follow storage's `NewContribution` (packages/storage, results); what
 * storage keeps without a column goes to its `sourceData` (`toNewContribution`).
 */
import {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  DECISIONS,
  type AuthorKind,
  type ContributionChannel,
  type ContributionState,
  type Decision,
} from '@prozesswerkstatt/contract';

/** Channels, author kinds and decisions are the contract's (storage checks the same lists). */
export {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  DECISIONS,
  type AuthorKind,
  type ContributionChannel,
  type Decision,
};

/** The internal working state a platform's status maps onto (the decision is separate). */
export const WORK_STATES = [
  'new',
  'in_review',
  'answered',
] as const satisfies readonly ContributionState[];
export type WorkState = (typeof WORK_STATES)[number];

/** A status as the source system gave it, and what it means here. */
export interface SourceStatus {
  /** The status text or key exactly as in the file (for the record and for unknown statuses). */
  raw: string;
  /** The working state it implies; null when the status is unknown. */
  state: WorkState | null;
  /** The public decision it implies; null when the source has not decided (or is unknown). */
  decision: Decision | null;
}

/** Counts a platform shows next to a contribution; absent when the file has none. */
export interface SourceMetrics {
  /** Supports or votes (Decidim), or positive ratings (adhocracy+). */
  supports?: number;
  /** Negative ratings (adhocracy+). */
  opposes?: number;
  /** Comments on the contribution, replies included. */
  comments?: number;
}

/** One contribution read from a file, cleaned and validated. */
export interface ImportedContribution {
  channel: ContributionChannel;
  /** The system it came from ("mein.berlin", "decidim", "Bürgerbrief"…); null if not given. */
  sourceSystem: string | null;
  /**
   * The source's own id for it (reference number, Decidim id or URL). Re-importing a file
   * gives the same references, so the caller finds duplicates of earlier imports by it.
   */
  sourceRef: string | null;
  /**
   * Calendar day it was received or created (`YYYY-MM-DD`, Berlin time); null if the file does
   * not say (storage needs one: the caller supplies the import day or asks).
   */
  receivedAt: string | null;
  authorKind: AuthorKind;
  /** The name shown in public (platform user name or a pseudonym given by staff). */
  pseudonym: string | null;
  /** The real name, personal data: never shown publicly. */
  authorName: string | null;
  /** An e-mail address, phone number or postal address; personal data. */
  authorContact: string | null;
  /** Whether the author agreed to be contacted about the answer. */
  contactConsent: boolean;
  /** How many others signed it (a letter of a residents' group, Decidim co-authors). */
  cosignerCount: number;
  /**
   * The phase or format it answers, as the file names it (an id or a title); the caller
   * resolves it to a `subjectId` of the plan and reports it when nothing matches.
   */
  subjectRef: string | null;
  /** A heading when the source has one (idea title, proposal title). */
  title: string | null;
  /** The contribution itself: never empty. */
  text: string;
  /** Categories, labels or themes the source attached. */
  labels: string[];
  /** A link to it on the source platform. */
  sourceUrl: string | null;
  /** What the source says about its handling (status); null if it says nothing. */
  status: SourceStatus | null;
  /** The source's answer or feedback text, if it has one. */
  response: string | null;
  /** The reason given with a decision (generic format). */
  reason: string | null;
  /** For a comment: the source reference of what it replies to (proposal or comment). */
  inReplyTo: string | null;
  metrics: SourceMetrics;
}

/** A measure (Decidim "result" of accountability): what is done about the contributions. */
export interface ImportedMeasure {
  /** The measure's id in the file (Decidim result id); the key `parentRef` points at. */
  ref: string | null;
  /** The parent measure's `ref`, for milestones and sub-measures. */
  parentRef: string | null;
  /** Title per locale (`de`, `en`, …); at least one is non-empty. */
  title: Record<string, string>;
  /** Description per locale; may be empty. */
  description: Record<string, string>;
  /** `YYYY-MM-DD` or null. */
  startDate: string | null;
  endDate: string | null;
  /** The Decidim status id as in the file; the caller maps it to its own statuses. */
  statusRef: string | null;
  /** Progress in percent, 0–100, or null. */
  progress: number | null;
  /** Links (or ids) of the proposals behind it; the caller matches them to source references. */
  proposalRefs: string[];
  /** An id in another system (Decidim's `external_id`). */
  externalId: string | null;
  /** Ordering weight (Decidim's `weight`); null if absent. */
  weight: number | null;
}
