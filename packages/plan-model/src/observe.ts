import type * as Y from 'yjs';
import { OVERVIEW_FIELDS, ROOT, type OverviewField } from './keys.js';
import { getOverviewText } from './overview.js';

/** A part of the plan that can change. */
export type PlanPart = keyof typeof ROOT | 'overview';

/** What one transaction changed. */
export interface PlanChange {
  /** The parts of the plan touched by the transaction. */
  parts: Set<PlanPart>;
  /** The overview fields touched (a subset of the overview part). */
  overviewFields: Set<OverviewField>;
  /** The `origin` given to the write (or the provider's origin for remote updates). */
  origin: unknown;
  /** True when the change was made on this replica, false when it arrived as an update. */
  local: boolean;
}

/**
 * Calls `callback` once per transaction that changed the plan, after all Yjs observers ran.
 * Returns a function that stops observing.
 */
export function observePlan(doc: Y.Doc, callback: (change: PlanChange) => void): () => void {
  const pending = new Map<Y.Transaction, PlanChange>();
  const note = (tr: Y.Transaction, part: PlanPart, field?: OverviewField): void => {
    let change = pending.get(tr);
    if (!change) {
      change = { parts: new Set(), overviewFields: new Set(), origin: tr.origin, local: tr.local };
      pending.set(tr, change);
    }
    change.parts.add(part);
    if (field) change.overviewFields.add(field);
  };
  const unobserve: Array<() => void> = [];
  for (const part of Object.keys(ROOT) as Array<keyof typeof ROOT>) {
    const type = doc.getMap(ROOT[part]);
    const handler = (_events: unknown, tr: Y.Transaction): void => note(tr, part);
    type.observeDeep(handler);
    unobserve.push(() => type.unobserveDeep(handler));
  }
  for (const field of OVERVIEW_FIELDS) {
    const type = getOverviewText(doc, field);
    const handler = (_events: unknown, tr: Y.Transaction): void => note(tr, 'overview', field);
    type.observeDeep(handler);
    unobserve.push(() => type.unobserveDeep(handler));
  }
  // Deep observers fire per type; flushing after the transaction gives one callback per change.
  const flush = (tr: Y.Transaction): void => {
    const change = pending.get(tr);
    if (!change) return;
    pending.delete(tr);
    callback(change);
  };
  doc.on('afterTransaction', flush);
  return () => {
    unobserve.forEach((fn) => fn());
    doc.off('afterTransaction', flush);
    pending.clear();
  };
}
