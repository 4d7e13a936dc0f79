/** The results vocabularies storage's tables and validation use: the contract's. */
export {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  CONTRIBUTION_STATES,
  DECISIONS,
  DECISIONS_WITHOUT_REASON,
  LINK_KINDS,
  MEASURE_STATUSES,
  RELEASE_STATUSES,
  reasonRequired,
  type AuthorKind,
  type ContributionChannel,
  type ContributionState,
  type Decision,
  type LinkKind,
  type MeasureStatus,
  type ReleaseStatus,
} from '@prozesswerkstatt/contract';
