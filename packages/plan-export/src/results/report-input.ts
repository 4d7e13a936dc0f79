/**
 * What the results report and the weighing table are drawn from: a plan's contributions with
 * their answers, its themes and its measures, already read and pseudonymised by the caller. No
 * field holds a name, address or contact: a contribution's title and text are the caller's
 * pseudonymised copies, and `pseudonym` is shown only in the internal weighing table.
 */

/** One contribution as the report shows it. */
export interface ReportContribution {
  /** Its running number in the report (received order), how other entries refer to it. */
  number: number;
  /** The pseudonym; only the internal weighing table shows it. */
  pseudonym: string;
  /** Channel code (`letter`, `platform`, …), worded by `labels.channel`. */
  channel: string;
  /** Received day, `YYYY-MM-DD`. */
  receivedAt: string;
  /** The phase or format it answers, as its title; null for the plan as a whole. */
  subject: string | null;
  /** Title and text, pseudonymised (names and contacts of its authors removed). */
  title: string;
  text: string;
  /** Co-signers, for choosing representative quotes. */
  cosignerCount: number;
  /** Decision code (`adopted`, …), worded by `labels.decision`; null while undecided. */
  decision: string | null;
  reason: string;
  response: string;
  /** The number of the contribution this one duplicates (decision `duplicate_of`). */
  duplicateOf: number | null;
  /** The plan element the decision changes, already named (`Phase „Workshop“`); null if none. */
  change: { kind: string; name: string } | null;
  /** Ids of the themes a person accepted for it (suggestions do not count). */
  themeIds: string[];
}

/** A node of the plan's theme tree. */
export interface ReportTheme {
  id: string;
  parentId: string | null;
  label: string;
}

/** A measure of implementation. */
export interface ReportMeasure {
  id: string;
  /** Title and description in the reader's language (the caller picks the locale). */
  title: string;
  description: string;
  /** Status code (`planned`, …), worded by `labels.measureStatus`. */
  status: string;
  /** Progress in percent, 0–100. */
  progress: number;
  startDate: string | null;
  endDate: string | null;
  milestones: { title: string; dueDate: string | null; done: boolean }[];
  /** Report numbers of the contributions behind it. */
  contributionNumbers: number[];
}

/** The input of `resultsReportOutline` and `weighingTableOutline`. */
export interface ResultsReportInput {
  planTitle: string;
  /** When the report was made (ISO-8601). */
  generatedAt: string;
  /** When the answers were last released (ISO-8601), null if never. */
  releasedAt: string | null;
  /**
   * Whether the answers shown changed after that release (an internal edition reads them as
   * they are now); the edition facts then say the changes are not released.
   */
  changedSinceRelease: boolean;
  /** In report-number order. */
  contributions: ReportContribution[];
  themes: ReportTheme[];
  measures: ReportMeasure[];
}

/** Who a weighing table is for: `public` leaves out the pseudonym column. */
export type WeighingAudience = 'public' | 'internal';

/** Every word of the report and the weighing table, from the caller's catalog. */
export interface ResultsReportLabels {
  reportTitle: (planTitle: string) => string;
  weighingTitle: (planTitle: string) => string;
  /** The XLSX sheet's name (at most 31 characters are kept). */
  weighingSheet: string;
  untitled: string;
  none: string;
  dateTime: (iso: string) => string;
  date: (day: string) => string;
  generatedAt: string;
  releasedAt: string;
  notReleased: string;
  /** Added to the release date when answers changed since. */
  changedSinceRelease: string;
  edition: string;
  editionPublic: string;
  editionInternal: string;
  contributionCount: string;
  decidedCount: string;
  channel: (code: string) => string;
  decision: (code: string) => string;
  measureStatus: (code: string) => string;
  summaryHeading: string;
  byDecision: string;
  byChannel: string;
  count: string;
  undecided: string;
  themesHeading: string;
  themeItems: (count: number) => string;
  themeQuotes: string;
  noThemes: string;
  decisionsHeading: string;
  noDecisions: string;
  changesHeading: string;
  noChanges: string;
  measuresHeading: string;
  noMeasures: string;
  number: string;
  contribution: string;
  pseudonym: string;
  statement: string;
  decisionColumn: string;
  reason: string;
  response: string;
  received: string;
  channelColumn: string;
  subject: string;
  duplicateOf: (number: number) => string;
  status: string;
  progress: string;
  percent: (value: number) => string;
  start: string;
  end: string;
  milestones: string;
  milestoneDone: (title: string) => string;
  milestoneDue: (title: string, date: string) => string;
  contributionsBehind: string;
}
