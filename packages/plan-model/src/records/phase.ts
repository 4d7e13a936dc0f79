import * as Y from 'yjs';
import { z } from 'zod';
import { PlanValidationError, type PlanIssue } from '../errors.js';
import { newId } from '../ids.js';
import { POSITION_KEY } from '../keys.js';
import { richTextJSONSchema } from '../richtext/json.js';
import {
  collectionOf,
  listRecords,
  moveRecord,
  positionAmong,
  orderedRecords,
  readEnum,
  readNullableNumber,
  readNullableString,
  readRichText,
  readTextFields,
  recordOf,
  transact,
  writeFields,
  type RecordMap,
} from '../store.js';
import { parseInput } from '../validate.js';
import { deleteFormatsOfPhase, formatJSONSchema } from './format.js';
import { emptyTextFields, textFieldsJSONShape, textFieldsShape } from '../text/limits.js';
import { idString, participationLevelSchema, PARTICIPATION_LEVELS } from './levels.js';
import { deleteResultsOfSubject } from './result.js';
import {
  readResponsibilities,
  responsibilitiesJSONSchema,
  writeResponsibilities,
  type Responsibilities,
} from './responsibilities.js';

/** Id of a phase. */
export const phaseIdSchema = idString.brand<'PhaseId'>();
/** Id of a phase (branded). */
export type PhaseId = z.infer<typeof phaseIdSchema>;

/**
 * What a phase is for: preparing the process, the participation itself, or the decision that
 * follows it. The guideline check asks for formats in each participation phase.
 */
export const PHASE_KINDS = ['planning', 'participation', 'decision'] as const;

/** One phase kind. */
export type PhaseKind = (typeof PHASE_KINDS)[number];

/**
 * The bounds of each resource a phase needs (null: not planned yet): staff days, budget in
 * euros, room bookings, online platforms or tools, and hours of translation or interpreting.
 * Never negative; `whole` ones count things. The maxima only stop typing errors (a budget of a
 * billion euros is no participation process); the board names them when it refuses an entry.
 */
export const PHASE_RESOURCE_LIMITS = {
  staffDays: { max: 100_000, whole: false },
  budgetEuros: { max: 1_000_000_000, whole: false },
  rooms: { max: 10_000, whole: true },
  platforms: { max: 1_000, whole: true },
  translationHours: { max: 100_000, whole: false },
} as const satisfies Record<string, { max: number; whole: boolean }>;

/** Zod schema of one resource: a non-negative number within its bounds, or null. */
function resourceSchema({ max, whole }: { max: number; whole: boolean }) {
  return (whole ? z.number().int() : z.number()).min(0).max(max).nullable();
}

/** Zod schemas of the resources a phase needs, by field (see `PHASE_RESOURCE_LIMITS`). */
export const phaseResourcesShape = {
  staffDays: resourceSchema(PHASE_RESOURCE_LIMITS.staffDays),
  budgetEuros: resourceSchema(PHASE_RESOURCE_LIMITS.budgetEuros),
  rooms: resourceSchema(PHASE_RESOURCE_LIMITS.rooms),
  platforms: resourceSchema(PHASE_RESOURCE_LIMITS.platforms),
  translationHours: resourceSchema(PHASE_RESOURCE_LIMITS.translationHours),
};

/** The resource fields of a phase, in display order. */
export const PHASE_RESOURCE_FIELDS = Object.keys(phaseResourcesShape) as Array<
  keyof typeof phaseResourcesShape
>;

/** One resource field of a phase. */
export type PhaseResourceField = (typeof PHASE_RESOURCE_FIELDS)[number];

/** A calendar date `YYYY-MM-DD`, or null while not yet planned. */
const isoDateOrNull = z.iso.date().nullable();

/**
 * The problem of a period that ends before it starts (dates `YYYY-MM-DD` compare as text), or
 * null. A phase may start and end on the same day; an open side is never a problem.
 */
export function periodIssue(start: string | null, end: string | null): PlanIssue | null {
  if (start === null || end === null || end >= start) return null;
  return {
    path: 'end',
    message: `end ${end} is before start ${start}`,
    segments: ['end'],
    code: 'end_before_start',
  };
}

/** Zod schema of the plain fields of a phase. */
export const phaseFieldsSchema = z.strictObject({
  ...textFieldsShape('phase'),
  start: isoDateOrNull,
  end: isoDateOrNull,
  participationLevel: participationLevelSchema,
  kind: z.enum(PHASE_KINDS),
  ...phaseResourcesShape,
});

/** Plain fields of a phase. */
export type PhaseFields = z.infer<typeof phaseFieldsSchema>;

/** Input of `addPhase`: only the title is required. */
export const phaseInputSchema = phaseFieldsSchema.partial().required({ title: true });
/** Input of `addPhase`. */
export type PhaseInput = z.input<typeof phaseInputSchema>;

/** Patch of `updatePhase`. */
export const phasePatchSchema = phaseFieldsSchema.partial();
/** Patch of `updatePhase`. */
export type PhasePatch = z.input<typeof phasePatchSchema>;

/** Zod schema of a phase in JSON form, with its formats nested in order. */
export const phaseJSONSchema = phaseFieldsSchema.extend({
  ...textFieldsJSONShape('phase'),
  id: phaseIdSchema,
  goal: richTextJSONSchema,
  responsibilities: responsibilitiesJSONSchema,
  formats: z.array(formatJSONSchema),
});
/** A phase in JSON form. */
export type PhaseJSON = z.infer<typeof phaseJSONSchema>;

/** A phase as read from a doc; `goal` is the live field to bind an editor to. */
export interface Phase extends PhaseFields {
  id: PhaseId;
  goal: Y.XmlText;
  responsibilities: Responsibilities;
}

const DEFAULTS: PhaseFields = {
  ...emptyTextFields('phase'),
  start: null,
  end: null,
  participationLevel: 'inform',
  kind: 'participation',
  staffDays: null,
  budgetEuros: null,
  rooms: null,
  platforms: null,
  translationHours: null,
};

/** Creates a phase at the end and returns its id. */
export function addPhase(doc: Y.Doc, input: PhaseInput, origin?: unknown): PhaseId {
  const fields = parseInput(phaseInputSchema, input, 'addPhase');
  refuseBackwardsPeriod('addPhase', fields.start ?? null, fields.end ?? null);
  const id = newId<PhaseId>();
  transact(doc, origin, () => insertPhase(doc, id, { ...DEFAULTS, ...fields }));
  return id;
}

/** Inserts a phase record with a given id at the end; returns its `goal` field. */
export function insertPhase(
  doc: Y.Doc,
  id: string,
  fields: PhaseFields,
  responsibilities: Responsibilities = {},
): Y.XmlText {
  const siblings = orderedRecords(doc, 'phases');
  const position = positionAmong(doc, 'phases', siblings, siblings.length);
  const map: RecordMap = new Y.Map();
  collectionOf(doc, 'phases').set(id, map);
  writeFields(map, { ...fields, [POSITION_KEY]: position });
  writeResponsibilities(map, responsibilities);
  const goal = new Y.XmlText();
  map.set('goal', goal);
  return goal;
}

/**
 * Changes fields of a phase; false when it does not exist. A `PlanValidationError` (code
 * `end_before_start`) when the phase would end before it starts; nothing is written then.
 */
export function updatePhase(doc: Y.Doc, id: PhaseId, patch: PhasePatch, origin?: unknown): boolean {
  const fields = parseInput(phasePatchSchema, patch, 'updatePhase');
  return transact(doc, origin, () => {
    const map = recordOf(doc, 'phases', id);
    if (!map) return false;
    refuseBackwardsPeriod(
      'updatePhase',
      fields.start !== undefined ? fields.start : readNullableString(map, 'start'),
      fields.end !== undefined ? fields.end : readNullableString(map, 'end'),
    );
    // writeFields writes null (not planned) as given and skips only undefined.
    writeFields(map, fields);
    return true;
  });
}

function refuseBackwardsPeriod(operation: string, start: string | null, end: string | null): void {
  const issue = periodIssue(start, end);
  if (issue) throw new PlanValidationError(operation, [issue]);
}

/** Removes a phase with its formats and the results about them; false when it does not exist. */
export function removePhase(doc: Y.Doc, id: PhaseId, origin?: unknown): boolean {
  return transact(doc, origin, () => {
    if (!recordOf(doc, 'phases', id)) return false;
    collectionOf(doc, 'phases').delete(id);
    deleteFormatsOfPhase(doc, id);
    deleteResultsOfSubject(doc, id);
    return true;
  });
}

/** Moves a phase to `toIndex`; false when it does not exist. */
export function movePhase(doc: Y.Doc, id: PhaseId, toIndex: number, origin?: unknown): boolean {
  return moveRecord(doc, 'phases', id, toIndex, origin);
}

/** The phase with `id`, or undefined. */
export function getPhase(doc: Y.Doc, id: PhaseId): Phase | undefined {
  const map = recordOf(doc, 'phases', id);
  return map ? readPhase(doc, id, map) : undefined;
}

/** All phases in their order. */
export function listPhases(doc: Y.Doc): Phase[] {
  return listRecords(doc, 'phases', (id, map) => readPhase(doc, id, map));
}

function readPhase(doc: Y.Doc, id: string, map: RecordMap): Phase | undefined {
  const goal = readRichText(map, 'goal');
  if (!goal) return undefined;
  return {
    id: id as PhaseId,
    ...readTextFields(map, 'phase'),
    start: readNullableString(map, 'start'),
    end: readNullableString(map, 'end'),
    participationLevel: readEnum(map, 'participationLevel', PARTICIPATION_LEVELS, 'inform'),
    kind: readEnum(map, 'kind', PHASE_KINDS, DEFAULTS.kind),
    ...Object.fromEntries(
      PHASE_RESOURCE_FIELDS.map((field) => [field, readNullableNumber(map, field)]),
    ),
    goal,
    responsibilities: readResponsibilities(map, (s) => !!recordOf(doc, 'stakeholders', s)),
  } as Phase;
}
