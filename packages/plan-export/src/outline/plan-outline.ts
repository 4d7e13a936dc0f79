/**
 * `planOutline`: the one walk over a plan that every output shares. The order of the parts of
 * a document is decided here; a new part (a results report, a guideline check) is one more
 * function that returns a `Section` and one more line below.
 */
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { ExportInput, ExportLabels } from '../input.js';
import { orNone, planStatusText, planTitle } from '../plan-facts.js';
import type { Fact, Section } from './outline.js';
import {
  overviewSection,
  phasesSection,
  resultsSection,
  stakeholdersSection,
} from './plan-sections.js';
import { guidelineSection } from './guideline-section.js';
import { approvalsSection, threadsSection, versionSection } from './record-sections.js';

/** What a document shows besides the plan: a version, its approvals, open threads. */
export type OutlineOptions = Omit<ExportInput, 'plan'>;

/**
 * The plan (or one version of it, with its approval record and open threads) as sections:
 * the title with the plan's facts first (level 1), then one section of level 2 per part.
 */
export function planOutline(
  plan: PlanJSON,
  labels: ExportLabels,
  options: OutlineOptions = {},
): Section[] {
  const input: ExportInput = { ...options, plan };
  const sections: (Section | null)[] = [
    titleSection(input, labels),
    versionSection(input, labels),
    overviewSection(plan, labels),
    stakeholdersSection(plan, labels),
    phasesSection(plan, labels),
    resultsSection(plan, labels),
    input.withoutGuidelineCheck ? null : guidelineSection(plan, labels, input.guidelineCheck),
    approvalsSection(input, labels),
    threadsSection(input, labels),
  ];
  return sections.filter((section): section is Section => section !== null);
}

/**
 * The title and the plan's facts. A version's document leaves out the plan status: the
 * version's own status (draft, in review, approved, superseded) says what counts, and the
 * status inside its snapshot is the one from before it was submitted.
 */
function titleSection(input: ExportInput, labels: ExportLabels): Section {
  const { meta } = input.plan;
  const facts: Fact[] = [
    { label: labels.requestingUnit, value: orNone(meta.requestingUnit, labels) },
    { label: labels.facilitator, value: orNone(meta.facilitator, labels) },
    ...(input.version ? [] : [{ label: labels.status, value: planStatusText(input, labels) }]),
    { label: labels.createdAt, value: labels.dateTime(meta.createdAt) },
    { label: labels.updatedAt, value: labels.dateTime(meta.updatedAt) },
  ];
  return {
    kind: 'plan',
    key: 'plan',
    level: 1,
    heading: planTitle(input.plan, labels),
    content: [{ kind: 'facts', facts }],
  };
}
