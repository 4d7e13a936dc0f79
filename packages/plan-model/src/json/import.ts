import type * as Y from 'yjs';
import { PlanImportError } from '../errors.js';
import { OVERVIEW_FIELDS } from '../keys.js';
import { migrateJSON } from '../migrations/index.js';
import { getOverviewText } from '../overview.js';
import { insertFormat } from '../records/format.js';
import { writeGuidelineNotApplicable } from '../records/guideline-marks.js';
import { CURRENT_SCHEMA_VERSION, setSchemaVersion, writeMeta } from '../records/meta.js';
import { insertPhase } from '../records/phase.js';
import { insertResult } from '../records/result.js';
import { insertStakeholder } from '../records/stakeholder.js';
import { writeRichTextJSON } from '../richtext/json.js';
import { collectionOf, transact } from '../store.js';
import { issuesFromZod } from '../validate.js';
import { checkIntegrity } from './integrity.js';
import { planJSONSchema, type PlanJSON } from './schema.js';

/**
 * Validates a plan in JSON form (migrating older schema versions first) and returns it at the
 * current version; throws `PlanImportError` listing every problem found.
 */
export function parsePlanJSON(input: unknown): PlanJSON {
  const migrated = migrateJSON(input);
  if (!migrated.ok) throw new PlanImportError(migrated.issues);
  const parsed = planJSONSchema.safeParse(migrated.plan);
  const issues = [
    ...(parsed.success ? [] : issuesFromZod(parsed.error, migrated.plan)),
    ...checkIntegrity(migrated.plan),
  ];
  if (!parsed.success || issues.length > 0) throw new PlanImportError(issues);
  return parsed.data;
}

/**
 * A plan this product wrote itself (a version's canonical JSON from `planToJSON`), migrated to the
 * current schema but not held to the import rules. Those rules hold for each person's own edit,
 * not for what concurrent edits merge into: one person moving a phase's start while another moves
 * its end can leave the phase ending before it starts, two people typing in one title can take it
 * past the length one person may type. A version of such a state must still be saved, shown and
 * exported; the version's hash, not this function, vouches for its content. Throws
 * `PlanImportError` only when the schema version is not one this build knows.
 */
export function readStoredPlanJSON(input: unknown): PlanJSON {
  const migrated = migrateJSON(input);
  if (!migrated.ok) throw new PlanImportError(migrated.issues);
  return migrated.plan as unknown as PlanJSON;
}

/**
 * Replaces the content of `doc` with a plan in JSON form, in one transaction with `origin`.
 * Validation happens first: on any problem a `PlanImportError` is thrown and nothing is written.
 * Record ids are kept, so comments anchored to them stay attached after a restore.
 */
export function planFromJSON(doc: Y.Doc, input: unknown, origin?: unknown): void {
  const plan = parsePlanJSON(input);
  transact(doc, origin, () => {
    for (const name of ['stakeholders', 'phases', 'formats', 'results'] as const) {
      collectionOf(doc, name).clear();
    }
    writeMeta(doc, plan.meta);
    setSchemaVersion(doc, CURRENT_SCHEMA_VERSION);
    for (const field of OVERVIEW_FIELDS) {
      writeRichTextJSON(getOverviewText(doc, field), plan.overview[field]);
    }
    for (const { id, notes, ...fields } of plan.stakeholders) {
      writeRichTextJSON(insertStakeholder(doc, id, fields), notes);
    }
    for (const { id, goal, formats, responsibilities, ...fields } of plan.phases) {
      writeRichTextJSON(insertPhase(doc, id, fields, responsibilities), goal);
      for (const { id: formatId, description, responsibilities: raci, ...rest } of formats) {
        writeRichTextJSON(insertFormat(doc, formatId, id, rest, raci), description);
      }
    }
    for (const { id, subjectId, feedback } of plan.results) {
      writeRichTextJSON(insertResult(doc, id, subjectId), feedback);
    }
    writeGuidelineNotApplicable(doc, plan.guidelineNotApplicable);
  });
}
