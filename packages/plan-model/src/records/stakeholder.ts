import * as Y from 'yjs';
import { z } from 'zod';
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
  readNumber,
  readRichText,
  readTextFields,
  recordOf,
  transact,
  writeFields,
  type RecordMap,
} from '../store.js';
import { parseInput } from '../validate.js';
import { emptyTextFields, textFieldsJSONShape, textFieldsShape } from '../text/limits.js';
import { idString, participationLevelSchema, PARTICIPATION_LEVELS } from './levels.js';
import { deleteResponsibilitiesOf } from './responsibilities.js';

/** Stakeholder groups. */
export const STAKEHOLDER_GROUPS = [
  'administration',
  'politics',
  'citizens',
  'civil_society',
  'business',
  'other',
] as const;

/** Id of a stakeholder. */
export const stakeholderIdSchema = idString.brand<'StakeholderId'>();
/** Id of a stakeholder (branded so it cannot be confused with a phase id). */
export type StakeholderId = z.infer<typeof stakeholderIdSchema>;

/** Power and interest are rated 1 (low) to 5 (high), as on a stakeholder grid. */
const rating = z.number().int().min(1).max(5);

/** Zod schema of the plain (non-rich-text) fields of a stakeholder. */
export const stakeholderFieldsSchema = z.strictObject({
  ...textFieldsShape('stakeholder'),
  group: z.enum(STAKEHOLDER_GROUPS),
  power: rating,
  interest: rating,
  participationLevel: participationLevelSchema,
});

/** Plain fields of a stakeholder. */
export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;

/** Input of `addStakeholder`: only the name is required. */
export const stakeholderInputSchema = stakeholderFieldsSchema.partial().required({ name: true });
/** Input of `addStakeholder`. */
export type StakeholderInput = z.input<typeof stakeholderInputSchema>;

/** Patch of `updateStakeholder`. */
export const stakeholderPatchSchema = stakeholderFieldsSchema.partial();
/** Patch of `updateStakeholder`. */
export type StakeholderPatch = z.input<typeof stakeholderPatchSchema>;

/** Zod schema of a stakeholder in JSON form. */
export const stakeholderJSONSchema = stakeholderFieldsSchema.extend({
  ...textFieldsJSONShape('stakeholder'),
  id: stakeholderIdSchema,
  notes: richTextJSONSchema,
});
/** A stakeholder in JSON form. */
export type StakeholderJSON = z.infer<typeof stakeholderJSONSchema>;

/** A stakeholder as read from a doc; `notes` is the live field to bind an editor to. */
export interface Stakeholder extends StakeholderFields {
  id: StakeholderId;
  notes: Y.XmlText;
}

const DEFAULTS: StakeholderFields = {
  ...emptyTextFields('stakeholder'),
  group: 'other',
  power: 3,
  interest: 3,
  participationLevel: 'inform',
};

/** Creates a stakeholder at the end of the list and returns its id. */
export function addStakeholder(
  doc: Y.Doc,
  input: StakeholderInput,
  origin?: unknown,
): StakeholderId {
  const fields = parseInput(stakeholderInputSchema, input, 'addStakeholder');
  const id = newId<StakeholderId>();
  transact(doc, origin, () => insertStakeholder(doc, id, { ...DEFAULTS, ...fields }));
  return id;
}

/** Inserts a stakeholder record with a given id at the end; returns its `notes` field. */
export function insertStakeholder(doc: Y.Doc, id: string, fields: StakeholderFields): Y.XmlText {
  const siblings = orderedRecords(doc, 'stakeholders');
  const position = positionAmong(doc, 'stakeholders', siblings, siblings.length);
  const map: RecordMap = new Y.Map();
  collectionOf(doc, 'stakeholders').set(id, map);
  writeFields(map, { ...fields, [POSITION_KEY]: position });
  const notes = new Y.XmlText();
  map.set('notes', notes);
  return notes;
}

/** Changes fields of a stakeholder; false when it does not exist (e.g. removed concurrently). */
export function updateStakeholder(
  doc: Y.Doc,
  id: StakeholderId,
  patch: StakeholderPatch,
  origin?: unknown,
): boolean {
  const fields = parseInput(stakeholderPatchSchema, patch, 'updateStakeholder');
  return transact(doc, origin, () => {
    const map = recordOf(doc, 'stakeholders', id);
    if (!map) return false;
    writeFields(map, fields);
    return true;
  });
}

/**
 * Removes a stakeholder and drops its id from every format's target list and every phase's and
 * format's responsibilities; false when it does not exist. (A target added concurrently elsewhere is hidden on read, see `listFormats`.)
 */
export function removeStakeholder(doc: Y.Doc, id: StakeholderId, origin?: unknown): boolean {
  return transact(doc, origin, () => {
    if (!recordOf(doc, 'stakeholders', id)) return false;
    collectionOf(doc, 'stakeholders').delete(id);
    for (const format of collectionOf(doc, 'formats').values()) {
      const targets = format.get('targetStakeholderIds');
      if (!(targets instanceof Y.Array)) continue;
      for (let i = targets.length - 1; i >= 0; i--) if (targets.get(i) === id) targets.delete(i, 1);
    }
    deleteResponsibilitiesOf(doc, id);
    return true;
  });
}

/** Moves a stakeholder to `toIndex` in the ordered list; false when it does not exist. */
export function moveStakeholder(
  doc: Y.Doc,
  id: StakeholderId,
  toIndex: number,
  origin?: unknown,
): boolean {
  return moveRecord(doc, 'stakeholders', id, toIndex, origin);
}

/** The stakeholder with `id`, or undefined. */
export function getStakeholder(doc: Y.Doc, id: StakeholderId): Stakeholder | undefined {
  const map = recordOf(doc, 'stakeholders', id);
  return map ? readStakeholder(id, map) : undefined;
}

/** All stakeholders in their order. */
export function listStakeholders(doc: Y.Doc): Stakeholder[] {
  return listRecords(doc, 'stakeholders', readStakeholder);
}

/** Reads a record; undefined when incomplete (no notes field: not written by this package). */
function readStakeholder(id: string, map: RecordMap): Stakeholder | undefined {
  const notes = readRichText(map, 'notes');
  if (!notes) return undefined;
  return {
    id: id as StakeholderId,
    ...readTextFields(map, 'stakeholder'),
    group: readEnum(map, 'group', STAKEHOLDER_GROUPS, DEFAULTS.group),
    power: clampRating(readNumber(map, 'power', DEFAULTS.power)),
    interest: clampRating(readNumber(map, 'interest', DEFAULTS.interest)),
    participationLevel: readEnum(map, 'participationLevel', PARTICIPATION_LEVELS, 'inform'),
    notes,
  };
}

function clampRating(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}
