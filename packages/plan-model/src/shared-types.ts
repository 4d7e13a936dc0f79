import type * as Y from 'yjs';
import { OVERVIEW_FIELDS, ROOT } from './keys.js';
import { getOverviewText } from './overview.js';

/**
 * Every root-level shared type of a plan: the `meta` map, the record collections and the overview
 * rich-text fields. Give it to a `Y.UndoManager` (`new Y.UndoManager(planSharedTypes(doc), {
 * trackedOrigins })`) so undo covers every part of the plan without the caller naming a type.
 * Creates missing root types (idempotent, like `doc.getMap`).
 */
export function planSharedTypes(doc: Y.Doc): Array<Y.AbstractType<unknown>> {
  const maps = (Object.keys(ROOT) as Array<keyof typeof ROOT>).map(
    (part) => doc.getMap<unknown>(ROOT[part]) as Y.AbstractType<unknown>,
  );
  const texts = OVERVIEW_FIELDS.map(
    (field) => getOverviewText(doc, field) as Y.AbstractType<unknown>,
  );
  return [...maps, ...texts];
}
