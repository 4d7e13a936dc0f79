/**
 * A check result as a version keeps it. A version stores the check of its snapshot as it came
 * out when the version was taken, with the `GUIDELINE_RULES_VERSION` of that moment: an approved
 * version's check must not change when the rules change later (as the responsibilities rule
 * did). The stored form is the `GuidelineCheck` as JSON; reading it back checks its shape, so a
 * damaged or foreign value is refused (the caller then recomputes and says so) rather than shown.
 */
import type { GuidelineCheck, GuidelineItemResult } from './check.js';
import { isGuidelineItemId } from './items.js';

/**
 * The version of the rules in `rules.ts`. Raise it with every change that can change a result
 * (a rule, a gap, an item). 1: the first rules; 2: responsibilities asks for exactly one
 * accountable per phase.
 */
export const GUIDELINE_RULES_VERSION = 2;

/** `check` as a version stores it. */
export function storeGuidelineCheck(check: GuidelineCheck): string {
  return JSON.stringify(check);
}

const STATUSES = new Set(['complete', 'incomplete', 'not-applicable']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKind(value: unknown): boolean {
  return isRecord(value) && typeof value.kind === 'string';
}

function isItem(value: unknown): value is GuidelineItemResult {
  if (!isRecord(value)) return false;
  if (typeof value.id !== 'string' || !isGuidelineItemId(value.id)) return false;
  if (typeof value.status !== 'string' || !STATUSES.has(value.status)) return false;
  if (!hasKind(value.target)) return false;
  if (value.status === 'incomplete') {
    const gaps = value.gaps;
    return (
      Array.isArray(gaps) &&
      gaps.length > 0 &&
      gaps.every((g) => isRecord(g) && hasKind(g.gap) && hasKind(g.target))
    );
  }
  if (value.status === 'not-applicable') return typeof value.reason === 'string';
  return true;
}

/**
 * A stored check read back, or null when `stored` is not one (not JSON, or not the shape of a
 * `GuidelineCheck`, e.g. an item id that no longer exists).
 */
export function readStoredGuidelineCheck(stored: string): GuidelineCheck | null {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!isRecord(value) || !Array.isArray(value.items) || !value.items.every(isItem)) return null;
  const { complete, applicable, notApplicable } = value;
  if (
    typeof complete !== 'number' ||
    typeof applicable !== 'number' ||
    typeof notApplicable !== 'number'
  ) {
    return null;
  }
  return { items: value.items, complete, applicable, notApplicable };
}
