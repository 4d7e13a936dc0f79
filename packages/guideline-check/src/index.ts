/**
 * `@prozesswerkstatt/guideline-check`: a plan checked against what Berlin's participation
 * guidelines ask a participation concept to contain. Pure functions over plan-model's JSON form.
 */
export { GUIDELINE_ITEMS, isGuidelineItemId, type GuidelineItemId } from './items.js';
export {
  gapTarget,
  type GuidelineGap,
  type GuidelineTarget,
  type PhaseRef,
  type PhaseTargetField,
} from './gaps.js';
export {
  checkGuidelines,
  type GuidelineCheck,
  type GuidelineItemResult,
  type GuidelineStatus,
} from './check.js';
export { hasText } from './rich-text.js';
export {
  GUIDELINE_RULES_VERSION,
  readStoredGuidelineCheck,
  storeGuidelineCheck,
} from './stored-check.js';
