import type * as Y from 'yjs';
import { z } from 'zod';
import { ROOT } from '../keys.js';
import {
  readEnum,
  readNumber,
  readString,
  readTextFields,
  transact,
  writeFields,
  type RecordMap,
} from '../store.js';
import { parseInput } from '../validate.js';
import { textFieldsShape } from '../text/limits.js';

/**
 * The version of the plan schema this code writes. Version 1 had no `results`; version 2 stored
 * plain text fields as strings, version 3 as `Y.Text`; version 4 moved contributions into
 * storage's tables; version 5 added methods, phase kinds and resources, responsibilities, the
 * guideline overview fields and the guideline check's marks.
 */
export const CURRENT_SCHEMA_VERSION = 5;

/** Lifecycle of a plan: draft → in review → approved → running → closed. */
export const PLAN_STATUSES = ['draft', 'in_review', 'approved', 'running', 'closed'] as const;

/** One plan status. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const isoDateTime = z.iso.datetime({ offset: true });

/** Zod schema of the meta record in JSON form (schemaVersion lives at the top of `PlanJSON`). */
export const metaJSONSchema = z.strictObject({
  ...textFieldsShape('meta'),
  status: z.enum(PLAN_STATUSES),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** The meta record in JSON form. */
export type MetaJSON = z.infer<typeof metaJSONSchema>;

/** The meta record as read from a doc. */
export interface PlanMeta extends MetaJSON {
  /** Schema version of the doc; 0 when the doc was never initialised. */
  schemaVersion: number;
}

/** Input of `initPlan`: everything optional except the title. */
export const metaInputSchema = metaJSONSchema.partial().required({ title: true });

/** Input of `initPlan`. */
export type MetaInput = z.input<typeof metaInputSchema>;

/** Patch of `updateMeta`; `updatedAt` defaults to now. */
export const metaPatchSchema = metaJSONSchema.partial();

/** Patch of `updateMeta`. */
export type MetaPatch = z.input<typeof metaPatchSchema>;

const SCHEMA_VERSION_KEY = 'schemaVersion';

function metaMap(doc: Y.Doc): RecordMap {
  return doc.getMap<unknown>(ROOT.meta);
}

/**
 * Initialises an empty doc as a plan (meta fields and the current schema version) and returns
 * true; returns false and writes nothing when the doc already is a plan. Two clients initialising
 * concurrently both write every meta key with no prior item, and Yjs resolves all those keys in
 * favour of the same client, so the merged meta is one client's meta, never a mix.
 */
export function initPlan(doc: Y.Doc, input: MetaInput, origin?: unknown): boolean {
  const fields = parseInput(metaInputSchema, input, 'initPlan');
  const now = new Date().toISOString();
  return transact(doc, origin, () => {
    const map = metaMap(doc);
    if (map.has(SCHEMA_VERSION_KEY)) return false;
    writeFields(map, {
      title: fields.title,
      requestingUnit: fields.requestingUnit ?? '',
      facilitator: fields.facilitator ?? '',
      status: fields.status ?? 'draft',
      createdAt: fields.createdAt ?? now,
      updatedAt: fields.updatedAt ?? fields.createdAt ?? now,
      [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION,
    });
    return true;
  });
}

/** True when the doc was initialised as a plan. */
export function isPlan(doc: Y.Doc): boolean {
  return metaMap(doc).has(SCHEMA_VERSION_KEY);
}

/** The meta record (fields missing in an uninitialised doc read as empty strings / draft). */
export function getMeta(doc: Y.Doc): PlanMeta {
  const map = metaMap(doc);
  return {
    ...readTextFields(map, 'meta'),
    status: readEnum(map, 'status', PLAN_STATUSES, 'draft'),
    createdAt: readString(map, 'createdAt'),
    updatedAt: readString(map, 'updatedAt'),
    schemaVersion: getSchemaVersion(doc),
  };
}

/** Changes meta fields; `updatedAt` is set to now unless the patch gives it. */
export function updateMeta(doc: Y.Doc, patch: MetaPatch, origin?: unknown): void {
  const fields = parseInput(metaPatchSchema, patch, 'updateMeta');
  transact(doc, origin, () => {
    writeFields(metaMap(doc), {
      ...fields,
      updatedAt: fields.updatedAt ?? new Date().toISOString(),
    });
  });
}

/** The schema version stored in the doc (0 when absent). */
export function getSchemaVersion(doc: Y.Doc): number {
  return readNumber(metaMap(doc), SCHEMA_VERSION_KEY, 0);
}

/** Sets the stored schema version; only migrations and the import call this. */
export function setSchemaVersion(doc: Y.Doc, version: number): void {
  writeFields(metaMap(doc), { [SCHEMA_VERSION_KEY]: version });
}

/** Writes a whole meta record (import); the caller opens the transaction. */
export function writeMeta(doc: Y.Doc, meta: MetaJSON): void {
  writeFields(metaMap(doc), meta);
}
