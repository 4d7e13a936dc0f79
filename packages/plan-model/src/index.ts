/**
 * @prozesswerkstatt/plan-model — the process plan as a Yjs document: typed reads and writes,
 * observation, canonical JSON export/import with validation, and schema migrations.
 */
export {
  PlanImportError,
  PlanValidationError,
  formatIssues,
  type PlanIssue,
  type PlanIssueCode,
} from './errors.js';
export { getOverviewText, OVERVIEW_FIELDS, type OverviewField } from './overview.js';
export { observePlan, type PlanChange, type PlanPart } from './observe.js';
export { planSharedTypes } from './shared-types.js';
export { PARTICIPATION_LEVELS, type ParticipationLevel } from './records/levels.js';
export {
  CURRENT_SCHEMA_VERSION,
  PLAN_STATUSES,
  getMeta,
  getSchemaVersion,
  initPlan,
  isPlan,
  metaJSONSchema,
  updateMeta,
  type MetaInput,
  type MetaJSON,
  type MetaPatch,
  type PlanMeta,
  type PlanStatus,
} from './records/meta.js';
export {
  STAKEHOLDER_GROUPS,
  addStakeholder,
  getStakeholder,
  listStakeholders,
  moveStakeholder,
  removeStakeholder,
  stakeholderJSONSchema,
  updateStakeholder,
  type Stakeholder,
  type StakeholderFields,
  type StakeholderId,
  type StakeholderInput,
  type StakeholderJSON,
  type StakeholderPatch,
} from './records/stakeholder.js';
export {
  PHASE_KINDS,
  PHASE_RESOURCE_FIELDS,
  PHASE_RESOURCE_LIMITS,
  addPhase,
  getPhase,
  listPhases,
  movePhase,
  phaseJSONSchema,
  removePhase,
  updatePhase,
  type Phase,
  type PhaseFields,
  type PhaseId,
  type PhaseInput,
  type PhaseJSON,
  type PhaseKind,
  type PhasePatch,
  type PhaseResourceField,
} from './records/phase.js';
export {
  RACI_LETTERS,
  setResponsibility,
  type RaciLetter,
  type Responsibilities,
  type ResponsibilityOwner,
} from './records/responsibilities.js';
export {
  getGuidelineNotApplicable,
  setGuidelineNotApplicable,
  type GuidelineNotApplicable,
} from './records/guideline-marks.js';
export {
  FORMAT_MODES,
  addFormat,
  formatJSONSchema,
  getFormat,
  listFormats,
  moveFormat,
  removeFormat,
  updateFormat,
  type Format,
  type FormatFields,
  type FormatId,
  type FormatInput,
  type FormatJSON,
  type FormatPatch,
} from './records/format.js';
export {
  addResult,
  getResult,
  listResults,
  removeResult,
  resultJSONSchema,
  updateResult,
  type PlanResult,
  type ResultId,
  type ResultJSON,
} from './records/result.js';
export {
  emptyRichText,
  richTextJSONSchema,
  richTextToJSON,
  writeRichTextJSON,
  type JsonValue,
  type RichDeltaOp,
  type RichEmbed,
  type RichTextJSON,
  type RichValue,
  type RichXmlTextJSON,
} from './richtext/json.js';
export { richTextToPlainText, writePlainParagraphs } from './richtext/plain.js';
export { seedSamplePlan } from './sample-plan.js';
export { canonicalStringify, hashPlan, planToJSON, toCanonicalJSON } from './json/export.js';
export { parsePlanJSON, planFromJSON, readStoredPlanJSON } from './json/import.js';
export { anonymisePlan } from './json/anonymise.js';
export { planJSONSchema, type OverviewJSON, type PlanJSON } from './json/schema.js';
export {
  MIGRATIONS,
  OLDEST_SCHEMA_VERSION,
  downgradeJSON,
  migrateDoc,
  migrateJSON,
  type LooseJSON,
  type MigrateJSONResult,
  type Migration,
} from './migrations/index.js';
export {
  createTextAnchor,
  getRichTextField,
  isRichTextFieldRef,
  overviewFieldRef,
  recordFieldRef,
  resolveTextAnchor,
  richTextCharacters,
  type ResolvedRange,
  type RichTextFieldRef,
  type TextAnchor,
} from './richtext/anchor.js';
export {
  RICH_TEXT_LIMITS,
  RICH_TEXT_WARN_RATIO,
  richTextLength,
  richTextLimit,
} from './richtext/limits.js';
export {
  diffPlans,
  GUIDELINE_REASON_FIELD,
  diffText,
  type FieldChange,
  type PlanDiff,
  type RecordChange,
  type TextPart,
} from './versions/plan-diff.js';
export { planContentKey } from './versions/content-key.js';
export { restorePlanJSON } from './versions/restore.js';
export { TEXT_LIMITS, type TextFieldName, type TextRecordKind } from './text/limits.js';
export { minimalSplice, transformIndex, type TextDeltaStep, type TextSplice } from './text/diff.js';
export {
  getTextField,
  metaTextFieldRef,
  recordTextFieldRef,
  type PlainTextField,
  type PlainTextFieldRef,
  type TextFieldChange,
} from './text/text-field.js';
export {
  MIGRATION_ORIGIN,
  migrationUpdate,
  storedInlineContributions,
} from './migrations/stored-state.js';
export {
  jsonInlineContributions,
  readInlineContributions,
  type InlineContribution,
} from './migrations/004_contributions_to_tables.js';
export { richTextJSONToPlainText } from './versions/rich-text-plain.js';
export {
  PLAN_TIME_ZONE,
  berlinWallClock,
  formatPlanDate,
  formatPlanDateTime,
  isWallClock,
  shiftPlanDateTime,
} from './records/date-time.js';
export {
  cleanLine,
  cleanMultiline,
  cleanText,
  hasUnsafeCharacters,
  type CleanTextOptions,
} from './text/clean-text.js';
export {
  GRID_HIGH_FROM,
  GRID_QUADRANTS,
  GRID_RATINGS,
  gridQuadrant,
  isHighRating,
  stakeholderReach,
  stepRating,
  unreachedStakeholders,
  type GridPosition,
  type GridQuadrant,
  type ReachingFormat,
  type StakeholderReach,
} from './stakeholder-grid.js';
export { accountabilityIssue, accountableIds, type AccountabilityIssue } from './accountability.js';
export { resourceTotals, type PhaseResources, type ResourceTotal } from './resource-totals.js';
