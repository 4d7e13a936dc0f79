export {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  DECISIONS,
  WORK_STATES,
  type AuthorKind,
  type ContributionChannel,
  type Decision,
  type ImportedContribution,
  type ImportedMeasure,
  type SourceMetrics,
  type SourceStatus,
  type WorkState,
} from './contribution.js';
export { CONTRIBUTION_LIMITS } from './contribution-check.js';
export {
  toStorageRow,
  type StorageContributionRow,
  type StorageRowOptions,
} from './storage-row.js';
export {
  ImportFileError,
  type ImportIssue,
  type ImportIssueCode,
  type IssueSeverity,
} from './issues.js';
export type { FileChunks, ImportProgress, ProgressListener } from './progress.js';
export {
  readContributions,
  type FileType,
  type HeaderReport,
  type ReadContributionsOptions,
  type RowResult,
} from './read-contributions.js';
export {
  CONTRIBUTION_FORMATS,
  type ContributionDefaults,
  type ContributionFormat,
} from './formats/layout.js';
export { GENERIC_COLUMNS, genericHeader } from './formats/generic.js';
export { adhocracyStatus } from './formats/adhocracy.js';
export { decidimProposalStatus } from './formats/decidim.js';
export {
  genericCells,
  writeGenericCsv,
  writeGenericXlsx,
  type WriteGenericOptions,
} from './write-contributions.js';
export {
  MEASURE_LIMITS,
  accountabilityHeader,
  readMeasures,
  writeAccountabilityCsv,
  type ReadMeasuresOptions,
  type WriteMeasuresOptions,
} from './accountability.js';
export type { CsvDelimiter } from './sources/csv-rows.js';
export {
  AUTHOR_KIND_WORDS,
  CHANNEL_WORDS,
  DECISION_WORDS,
  type FileLanguage,
} from './vocabulary.js';
