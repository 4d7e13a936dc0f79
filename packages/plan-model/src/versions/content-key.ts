import { canonicalStringify } from '../json/export.js';
import type { PlanJSON } from '../json/schema.js';

/**
 * The plan's content as one string, without what the approval workflow itself writes
 * (`meta.status`, and `meta.updatedAt`, which every status change sets): two plans have equal
 * keys exactly when a person changed nothing between them. Used to tell whether a plan changed
 * after its version was approved (the approval's own status write is not a change).
 */
export function planContentKey(plan: PlanJSON): string {
  return canonicalStringify({ ...plan, meta: { ...plan.meta, status: '', updatedAt: '' } });
}
