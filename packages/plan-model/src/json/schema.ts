import { z } from 'zod';
import { OVERVIEW_FIELDS, type OverviewField } from '../keys.js';
import { guidelineNotApplicableJSONSchema } from '../records/guideline-marks.js';
import { metaJSONSchema } from '../records/meta.js';
import { phaseJSONSchema } from '../records/phase.js';
import { resultJSONSchema } from '../records/result.js';
import { stakeholderJSONSchema } from '../records/stakeholder.js';
import { richTextJSONSchema, type RichTextJSON } from '../richtext/json.js';

/** Upper bounds on collection sizes: a plan is a human-sized document; this stops runaway input. */
const MAX_RECORDS = 5000;

const overviewSchema = z.strictObject(
  Object.fromEntries(OVERVIEW_FIELDS.map((f) => [f, richTextJSONSchema])) as Record<
    OverviewField,
    typeof richTextJSONSchema
  >,
);

/**
 * Zod schema of the canonical JSON form of a plan at the current schema version. Order is the
 * array order (no position keys); formats are nested in their phase.
 */
export const planJSONSchema = z.strictObject({
  schemaVersion: z.literal(5),
  meta: metaJSONSchema,
  overview: overviewSchema,
  stakeholders: z.array(stakeholderJSONSchema).max(MAX_RECORDS),
  phases: z.array(phaseJSONSchema).max(MAX_RECORDS),
  results: z.array(resultJSONSchema).max(MAX_RECORDS),
  guidelineNotApplicable: guidelineNotApplicableJSONSchema,
});

/** The canonical JSON form of a plan. */
export type PlanJSON = z.infer<typeof planJSONSchema>;

/** The overview section in JSON form. */
export type OverviewJSON = Record<OverviewField, RichTextJSON>;
