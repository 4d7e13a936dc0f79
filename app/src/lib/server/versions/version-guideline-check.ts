/**
 * The guideline check a version shows (its page, its exports): the one stored when it was taken,
 * so an approved version's check stays what was approved when the rules change later. Versions
 * taken before checks were stored (or whose stored check cannot be read) get today's check of
 * their snapshot, marked `recomputed` so the reader is told.
 */
import {
  checkGuidelines,
  readStoredGuidelineCheck,
  type GuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { VersionRow } from '@prozesswerkstatt/storage';

/** A version's check and whether it was computed now rather than stored with the version. */
export interface VersionGuidelineCheck {
  check: GuidelineCheck;
  /** The rules' version it ran with; null when recomputed for an old version. */
  rulesVersion: number | null;
  recomputed: boolean;
}

/** The check of `version`, whose verified snapshot is `plan`. */
export function versionGuidelineCheck(
  version: Pick<VersionRow, 'guideline_check' | 'guideline_rules_version'>,
  plan: PlanJSON,
): VersionGuidelineCheck {
  const stored =
    version.guideline_check === null ? null : readStoredGuidelineCheck(version.guideline_check);
  if (stored !== null && version.guideline_rules_version !== null) {
    return { check: stored, rulesVersion: version.guideline_rules_version, recomputed: false };
  }
  return { check: checkGuidelines(plan), rulesVersion: null, recomputed: true };
}
