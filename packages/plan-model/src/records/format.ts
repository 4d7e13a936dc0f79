import { RICH_TEXT_LIMITS } from '@prozesswerkstatt/contract';
import * as Y from 'yjs';
import { z } from 'zod';
import { PlanValidationError } from '../errors.js';
import { newId } from '../ids.js';
import { POSITION_KEY } from '../keys.js';
import { richTextJSONSchema } from '../richtext/json.js';
import { writePlainParagraphs } from '../richtext/plain.js';
import {
  collectionOf,
  positionAmong,
  orderedRecords,
  readEnum,
  readNullableNumber,
  readNullableString,
  readRichText,
  readString,
  readTextFields,
  recordOf,
  transact,
  writeFields,
  type RecordMap,
} from '../store.js';
import { parseInput } from '../validate.js';
import { emptyTextFields, textFieldsJSONShape, textFieldsShape } from '../text/limits.js';
import { idString } from './levels.js';
import type { PhaseId } from './phase.js';
import { deleteResultsOfSubject } from './result.js';
import {
  readResponsibilities,
  responsibilitiesJSONSchema,
  writeResponsibilities,
  type Responsibilities,
} from './responsibilities.js';
import { stakeholderIdSchema, type StakeholderId } from './stakeholder.js';

/** Id of a format. */
export const formatIdSchema = idString.brand<'FormatId'>();
/** Id of a format (branded). */
export type FormatId = z.infer<typeof formatIdSchema>;

/** Where a format takes place. */
export const FORMAT_MODES = ['online', 'offline', 'hybrid'] as const;

/** Longest planned duration: one week in minutes; longer is a phase, not a format. */
const MAX_DURATION_MINUTES = 7 * 24 * 60;

/**
 * Zod schema of the plain fields of a format (its phase is given by `phaseId` or nesting). The
 * plain text fields and their limits are the contract's `TEXT_LIMITS.format`.
 */
export const formatFieldsSchema = z.strictObject({
  ...textFieldsShape('format'),
  /**
   * A Berlin wall-clock time `YYYY-MM-DDTHH:mm` as entered (see `date-time.ts`); an instant with
   * an offset is accepted too and read as the Berlin time of that instant.
   */
  dateTime: z.iso.datetime({ offset: true, local: true }).nullable(),
  durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES).nullable(),
  mode: z.enum(FORMAT_MODES),
  targetStakeholderIds: z.array(stakeholderIdSchema).max(1000),
  /** The method-library entry the format was made from (kept when the method is edited). */
  methodId: idString.nullable(),
});

/** Plain fields of a format. */
export type FormatFields = z.infer<typeof formatFieldsSchema>;

/**
 * A new format's description as plain paragraphs (a format made from a method-library entry),
 * at most the description's rich-text limit in characters of text, counted as the editor counts
 * them (paragraph breaks are free): a longer one would be refused by the editor anyway.
 */
const descriptionParagraphsSchema = z
  .array(z.string())
  .max(1000)
  .superRefine((paragraphs, ctx) => {
    const limit = RICH_TEXT_LIMITS.formatDescription;
    if (paragraphs.reduce((sum, p) => sum + p.length, 0) > limit) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: limit,
        inclusive: true,
        input: paragraphs,
        message: `description: at most ${limit} characters of text`,
      });
    }
  });

/**
 * Input of `addFormat`: the phase and a title are required; `description` (optional) fills the
 * rich-text description with plain paragraphs in the same transaction.
 */
export const formatInputSchema = formatFieldsSchema
  .partial()
  .required({ title: true })
  .extend({ phaseId: idString, description: descriptionParagraphsSchema.optional() });
/** Input of `addFormat`. */
export type FormatInput = z.input<typeof formatInputSchema>;

/** Patch of `updateFormat` (use `moveFormat` to change the phase). */
export const formatPatchSchema = formatFieldsSchema.partial();
/** Patch of `updateFormat`. */
export type FormatPatch = z.input<typeof formatPatchSchema>;

/** Zod schema of a format in JSON form (nested in its phase, so without `phaseId`). */
export const formatJSONSchema = formatFieldsSchema.extend({
  ...textFieldsJSONShape('format'),
  id: formatIdSchema,
  description: richTextJSONSchema,
  responsibilities: responsibilitiesJSONSchema,
});
/** A format in JSON form. */
export type FormatJSON = z.infer<typeof formatJSONSchema>;

/** A format as read from a doc; `description` is the live field to bind an editor to. */
export interface Format extends FormatFields {
  id: FormatId;
  phaseId: PhaseId;
  description: Y.XmlText;
  responsibilities: Responsibilities;
}

const DEFAULTS: FormatFields = {
  ...emptyTextFields('format'),
  dateTime: null,
  durationMinutes: null,
  mode: 'offline',
  targetStakeholderIds: [],
  methodId: null,
};

/**
 * Creates a format at the end of its phase and returns its id; with `description`, its
 * paragraphs are written in the same transaction (one undo step, one update for the others).
 */
export function addFormat(doc: Y.Doc, input: FormatInput, origin?: unknown): FormatId {
  const { phaseId, description, ...fields } = parseInput(formatInputSchema, input, 'addFormat');
  const id = newId<FormatId>();
  transact(doc, origin, () => {
    checkReferences(doc, 'addFormat', phaseId, fields.targetStakeholderIds);
    const text = insertFormat(doc, id, phaseId, { ...DEFAULTS, ...fields });
    if (description && description.length > 0) writePlainParagraphs(text, description);
  });
  return id;
}

/**
 * Inserts a format record with a given id at the end of its phase; returns `description`.
 * Targets are a `Y.Array` rather than an array value: two people adding different target groups
 * at once both keep theirs (an array value would be last-writer-wins); reads drop duplicates.
 */
export function insertFormat(
  doc: Y.Doc,
  id: string,
  phaseId: string,
  fields: FormatFields,
  responsibilities: Responsibilities = {},
): Y.XmlText {
  const { targetStakeholderIds, ...plain } = fields;
  const siblings = formatsIn(doc, phaseId);
  const position = positionAmong(doc, 'formats', siblings, siblings.length);
  const map: RecordMap = new Y.Map();
  collectionOf(doc, 'formats').set(id, map);
  writeFields(map, { ...plain, phaseId, [POSITION_KEY]: position });
  writeResponsibilities(map, responsibilities);
  const targets = new Y.Array<string>();
  map.set('targetStakeholderIds', targets);
  targets.push([...new Set(targetStakeholderIds)]);
  const description = new Y.XmlText();
  map.set('description', description);
  return description;
}

/** Changes fields of a format; false when it does not exist. */
export function updateFormat(
  doc: Y.Doc,
  id: FormatId,
  patch: FormatPatch,
  origin?: unknown,
): boolean {
  const { targetStakeholderIds, ...fields } = parseInput(formatPatchSchema, patch, 'updateFormat');
  return transact(doc, origin, () => {
    const map = recordOf(doc, 'formats', id);
    if (!map) return false;
    writeFields(map, fields);
    if (targetStakeholderIds) {
      checkReferences(doc, 'updateFormat', undefined, targetStakeholderIds);
      setTargets(map, targetStakeholderIds);
    }
    return true;
  });
}

/** Diffs the target list instead of replacing it, so concurrent additions survive. */
function setTargets(map: RecordMap, ids: readonly string[]): void {
  const targets = map.get('targetStakeholderIds');
  if (!(targets instanceof Y.Array)) return;
  const wanted = new Set(ids);
  for (let i = targets.length - 1; i >= 0; i--)
    if (!wanted.has(targets.get(i))) targets.delete(i, 1);
  const present = new Set(targets.toArray());
  const missing = [...wanted].filter((t) => !present.has(t));
  if (missing.length > 0) targets.push(missing);
}

/** Removes a format and the results about it; false when it does not exist. */
export function removeFormat(doc: Y.Doc, id: FormatId, origin?: unknown): boolean {
  return transact(doc, origin, () => {
    if (!recordOf(doc, 'formats', id)) return false;
    collectionOf(doc, 'formats').delete(id);
    deleteResultsOfSubject(doc, id);
    return true;
  });
}

/**
 * Moves a format to `index` within phase `phaseId` (its own or another); false when the format
 * does not exist, a `PlanValidationError` when the phase does not.
 */
export function moveFormat(
  doc: Y.Doc,
  id: FormatId,
  to: { phaseId: PhaseId; index: number },
  origin?: unknown,
): boolean {
  return transact(doc, origin, () => {
    const map = recordOf(doc, 'formats', id);
    if (!map) return false;
    checkReferences(doc, 'moveFormat', to.phaseId, []);
    const siblings = formatsIn(doc, to.phaseId).filter((r) => r.id !== id);
    const position = positionAmong(doc, 'formats', siblings, to.index);
    writeFields(map, { phaseId: to.phaseId, [POSITION_KEY]: position });
    return true;
  });
}

/** Deletes all formats of a phase and their results (used by `removePhase`). */
export function deleteFormatsOfPhase(doc: Y.Doc, phaseId: string): void {
  for (const { id } of formatsIn(doc, phaseId)) {
    collectionOf(doc, 'formats').delete(id);
    deleteResultsOfSubject(doc, id);
  }
}

function formatsIn(doc: Y.Doc, phaseId: string) {
  return orderedRecords(doc, 'formats', (map) => map.get('phaseId') === phaseId);
}

function checkReferences(
  doc: Y.Doc,
  operation: string,
  phaseId: string | undefined,
  targets: readonly string[] | undefined,
): void {
  const issues = [];
  if (phaseId !== undefined && !recordOf(doc, 'phases', phaseId)) {
    issues.push({ path: 'phaseId', message: `no phase with id ${phaseId}` });
  }
  (targets ?? []).forEach((target, i) => {
    if (!recordOf(doc, 'stakeholders', target)) {
      issues.push({
        path: `targetStakeholderIds[${i}]`,
        message: `no stakeholder with id ${target}`,
      });
    }
  });
  if (issues.length > 0) throw new PlanValidationError(operation, issues);
}

/** The format with `id`, or undefined (also when its phase was removed concurrently). */
export function getFormat(doc: Y.Doc, id: FormatId): Format | undefined {
  const map = recordOf(doc, 'formats', id);
  return map ? readFormat(doc, id, map) : undefined;
}

/**
 * Formats of one phase in order, or of all phases (phase order, then format order). A format
 * whose phase was removed while someone else edited it is hidden, as it would have been removed.
 */
export function listFormats(doc: Y.Doc, phaseId?: PhaseId): Format[] {
  const phaseIds =
    phaseId !== undefined ? [phaseId] : orderedRecords(doc, 'phases').map((p) => p.id);
  return phaseIds.flatMap((pid) =>
    formatsIn(doc, pid).flatMap(({ id, map }) => {
      const record = readFormat(doc, id, map);
      return record ? [record] : [];
    }),
  );
}

function readFormat(doc: Y.Doc, id: string, map: RecordMap): Format | undefined {
  const description = readRichText(map, 'description');
  const phaseId = readString(map, 'phaseId');
  if (!description || !recordOf(doc, 'phases', phaseId)) return undefined;
  const targets = map.get('targetStakeholderIds');
  const targetIds = targets instanceof Y.Array ? (targets.toArray() as unknown[]) : [];
  return {
    id: id as FormatId,
    phaseId: phaseId as PhaseId,
    ...readTextFields(map, 'format'),
    dateTime: readNullableString(map, 'dateTime'),
    durationMinutes: readNullableNumber(map, 'durationMinutes'),
    mode: readEnum(map, 'mode', FORMAT_MODES, DEFAULTS.mode),
    methodId: readNullableString(map, 'methodId'),
    // Deduplicated (concurrent additions of the same target) and limited to existing stakeholders
    // (a stakeholder removed while someone targeted it).
    targetStakeholderIds: [...new Set(targetIds)].filter(
      (t): t is StakeholderId =>
        typeof t === 'string' && recordOf(doc, 'stakeholders', t) !== undefined,
    ),
    description,
    responsibilities: readResponsibilities(map, (s) => !!recordOf(doc, 'stakeholders', s)),
  };
}
