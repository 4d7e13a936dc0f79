/**
 * The contract between the app, the collab-server and storage: roles and what each may do,
 * document names, the wire protocol's close codes and message numbers, field limits, and the
 * vocabularies of participation results.
 * The collab token's claims, sign and verify are in `@prozesswerkstatt/contract/token` (Node and
 * servers only, so the browser bundle carries no JWT code).
 */
export { ROLES, INVITABLE_ROLES, isRole, ranksAtLeast, higherRole, type Role } from './roles.js';
export {
  PERMISSIONS,
  PERMISSION_NAMES,
  can,
  mayEditPlan,
  mayComment,
  mayManagePlan,
  mayRelease,
  mayReadVersion,
  type Permission,
} from './permissions.js';
export {
  PLAN_DOCUMENT_PREFIX,
  isPlanId,
  planDocumentName,
  planIdOfDocument,
  isDocumentName,
  documentNameFromPath,
} from './document-names.js';
export { CloseCode, isPermanentClose, closeReason, type CloseCodeValue } from './close-codes.js';
export { MessageType, SyncMessageType } from './message-types.js';
export {
  TEXT_LIMITS,
  RICH_TEXT_LIMITS,
  RICH_TEXT_WARN_RATIO,
  COMMENT_BODY_MAX_LENGTH,
  PLAN_TEXT_MAX_LENGTH,
  VERSION_LABEL_MAX_LENGTH,
  VERSION_NOTE_MAX_LENGTH,
  REJECTION_REASON_MAX_LENGTH,
  GUIDELINE_REASON_MAX_LENGTH,
} from './limits.js';
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
} from './results-vocabulary.js';
