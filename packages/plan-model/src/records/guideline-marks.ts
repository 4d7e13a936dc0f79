import type * as Y from 'yjs';
import { z } from 'zod';
import { GUIDELINE_REASON_MAX_LENGTH } from '@prozesswerkstatt/contract';
import { PlanValidationError } from '../errors.js';
import { ROOT } from '../keys.js';
import { transact } from '../store.js';
import { idString } from './levels.js';

/**
 * The items of the guideline check that the planners marked as not applicable, each with the
 * reason they gave (item id → reason). Which items exist is the check's business; the plan only
 * keeps the marks, so a new check item needs no schema change.
 */
export const guidelineNotApplicableJSONSchema = z.record(
  idString,
  z.string().trim().min(1).max(GUIDELINE_REASON_MAX_LENGTH),
);

/** The marks in JSON form. */
export type GuidelineNotApplicable = z.infer<typeof guidelineNotApplicableJSONSchema>;

function marksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.guidelineNotApplicable);
}

/** Every item marked as not applicable, with its reason. */
export function getGuidelineNotApplicable(doc: Y.Doc): GuidelineNotApplicable {
  const out: GuidelineNotApplicable = {};
  for (const [item, reason] of marksMap(doc).entries()) {
    if (typeof reason === 'string' && reason.trim() !== '') out[item] = reason;
  }
  return out;
}

/**
 * Marks a guideline item as not applicable with a reason, or takes the mark away (`null`). A
 * `PlanValidationError` for an item id that is no id or an empty or too long reason.
 */
export function setGuidelineNotApplicable(
  doc: Y.Doc,
  itemId: string,
  reason: string | null,
  origin?: unknown,
): void {
  const parsed = guidelineNotApplicableJSONSchema.safeParse({ [itemId]: reason ?? 'x' });
  if (!parsed.success) {
    throw new PlanValidationError('setGuidelineNotApplicable', [
      { path: itemId, message: parsed.error.issues.map((i) => i.message).join('; ') },
    ]);
  }
  transact(doc, origin, () => {
    if (reason === null) marksMap(doc).delete(itemId);
    else if (marksMap(doc).get(itemId) !== reason.trim()) marksMap(doc).set(itemId, reason.trim());
  });
}

/** Writes all marks (import); the caller opens the transaction and cleared the old ones. */
export function writeGuidelineNotApplicable(doc: Y.Doc, marks: GuidelineNotApplicable): void {
  const map = marksMap(doc);
  map.clear();
  for (const [item, reason] of Object.entries(marks)) map.set(item, reason);
}

/** Makes the marks equal to `marks` (restore), writing only where they differ. */
export function replaceGuidelineNotApplicable(doc: Y.Doc, marks: GuidelineNotApplicable): void {
  const map = marksMap(doc);
  for (const item of [...map.keys()]) if (!Object.hasOwn(marks, item)) map.delete(item);
  for (const [item, reason] of Object.entries(marks)) {
    if (map.get(item) !== reason) map.set(item, reason);
  }
}
