import type {
  GuidelineCheck,
  GuidelineGap,
  GuidelineItemId,
  GuidelineStatus,
} from '@prozesswerkstatt/guideline-check';
import type { PlanJSON } from '@prozesswerkstatt/plan-model';

/** The version an export shows, when it is one (absent for the current plan). */
export interface ExportVersion {
  label: string;
  note: string;
  /** ISO time the version was taken. */
  createdAt: string;
  authorName: string;
  /** Hex SHA-256 of the version's canonical JSON, verified by the caller. */
  sha256: string;
  /** Version status as stored (draft, in_review, approved, rejected, superseded). */
  status: string;
}

/** One sign-off of a version. */
export interface ExportApproval {
  userName: string;
  /** The member role the person signed as. */
  role: string;
  /** `approved` or `rejected`. */
  decision: string;
  reason: string;
  /** ISO time of the decision. */
  at: string;
}

/** A comment thread that was open when the version was taken. */
export interface ExportThread {
  /** What the thread is about, already readable (e.g. the stakeholder's name). */
  anchorLabel: string;
  status: string;
  comments: { authorName: string; body: string; at: string }[];
}

/** Everything a document is made from. */
export interface ExportInput {
  plan: PlanJSON;
  /**
   * For the current plan when it is approved but changed since: the label of the approved
   * version, so the status line says "changed since approval" instead of "approved".
   */
  changedSinceApproval?: string;
  version?: ExportVersion;
  approvals?: ExportApproval[];
  openThreads?: ExportThread[];
  /**
   * Leaves out the guideline check section, for a page that shows the check its own way (the
   * version page). Documents always have it.
   */
  withoutGuidelineCheck?: boolean;
  /**
   * The check a version's document shows: the one stored with the version, or (`recomputed`)
   * today's check of an old version that has none, which the document then says. Without it the
   * check is computed from `plan` (the current plan).
   */
  guidelineCheck?: { check: GuidelineCheck; recomputed: boolean };
}

/** The words of the guideline check section. */
export interface GuidelineLabels {
  heading: string;
  /** "7 von 10 erfüllt, 1 nicht zutreffend". */
  summary: (counts: { complete: number; applicable: number; notApplicable: number }) => string;
  columns: { item: string; status: string; note: string };
  item: (id: GuidelineItemId) => string;
  status: (status: GuidelineStatus) => string;
  /** One missing part as a sentence ("Phase „Auftakt“ hat kein Format."). */
  gap: (gap: GuidelineGap) => string;
  /** Said under the summary when a version's check was computed now, with today's rules. */
  recomputed: string;
}

/**
 * Every visible word of an export, in the reader's language, passed in by the app from its
 * catalog (this package has no language of its own). Enumerations and dates are functions, so
 * the app decides their wording and format.
 */
export interface ExportLabels {
  /**
   * The name of a plan field by its key (`expectedOutput`, `occasion`): one lookup for every field
   * shown under its own name, so a new field needs a catalog entry, not a new label here.
   */
  field: (key: string) => string;
  untitled: string;
  /** Shown for an empty field or table cell. */
  none: string;
  requestingUnit: string;
  facilitator: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  overviewHeading: string;
  stakeholdersHeading: string;
  noStakeholders: string;
  stakeholderColumns: {
    name: string;
    group: string;
    power: string;
    interest: string;
    participationLevel: string;
    contactRole: string;
    notes: string;
  };
  phasesHeading: string;
  noPhases: string;
  phasePeriod: string;
  phaseLevel: string;
  phaseGoal: string;
  /** Heading of a phase's responsibilities (RACI) table, and the legend under it. */
  responsibilitiesHeading: string;
  raciLegend: string;
  formatsHeading: string;
  noFormats: string;
  formatColumns: {
    title: string;
    method: string;
    dateTime: string;
    duration: string;
    mode: string;
    targets: string;
    responsible: string;
  };
  resultsHeading: string;
  /** Heading of the results of one format or phase. */
  resultFor: (subjectTitle: string) => string;
  resultFeedback: string;
  versionHeading: string;
  versionLabel: string;
  versionNote: string;
  versionCreatedAt: string;
  versionAuthor: string;
  versionStatus: string;
  versionHash: string;
  approvalsHeading: string;
  noApprovals: string;
  approvalColumns: { person: string; role: string; decision: string; at: string; reason: string };
  threadsHeading: string;
  threadStatus: string;
  guideline: GuidelineLabels;
  group: (group: string) => string;
  level: (level: string) => string;
  mode: (mode: string) => string;
  /** The kind of a phase (planning, participation, decision). */
  phaseKind: (kind: string) => string;
  /** A number for reading (a phase's staff days, rooms, hours), in the reader's locale. */
  number: (value: number) => string;
  /** An amount of euros for reading. */
  euros: (value: number) => string;
  planStatus: (status: string) => string;
  /** The status of an approved plan changed since, naming the approved version's label. */
  changedSinceApproval: (versionLabel: string) => string;
  versionStatusName: (status: string) => string;
  decision: (decision: string) => string;
  role: (role: string) => string;
  threadStatusName: (status: string) => string;
  /** Duration in minutes as text, e.g. "90 Min.". */
  duration: (minutes: number) => string;
  /** An ISO date (YYYY-MM-DD) for reading. */
  date: (iso: string) => string;
  /** An ISO date-time (with or without offset) for reading. */
  dateTime: (iso: string) => string;
}
