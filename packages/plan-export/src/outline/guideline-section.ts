/**
 * The guideline check as a part of the document: how many items are fulfilled, then one row per
 * item with its status and what is missing (or why it does not apply). Computed here from the
 * plan's JSON, so a version's document shows the check of that version.
 */
import { checkGuidelines, type GuidelineItemResult } from '@prozesswerkstatt/guideline-check';
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { ExportLabels } from '../input.js';
import { plainRun, type Section } from './outline.js';

/** What the note column says about an item. */
function note(item: GuidelineItemResult, labels: ExportLabels): string {
  switch (item.status) {
    case 'complete':
      return labels.none;
    case 'incomplete':
      return item.gaps.map(({ gap }) => labels.guideline.gap(gap)).join('\n');
    case 'not-applicable':
      return item.reason;
  }
}

/** The "Leitlinien-Check" section (level 2). */
export function guidelineSection(plan: PlanJSON, labels: ExportLabels): Section {
  const check = checkGuidelines(plan);
  const words = labels.guideline;
  return {
    kind: 'guideline-check',
    key: 'guideline-check',
    level: 2,
    heading: words.heading,
    content: [
      { kind: 'paragraph', runs: [plainRun(words.summary(check))] },
      {
        kind: 'table',
        header: [words.columns.item, words.columns.status, words.columns.note],
        rows: check.items.map((item) => [
          words.item(item.id),
          words.status(item.status),
          note(item, labels).trim() || labels.none,
        ]),
        rowHeaders: true,
      },
    ],
  };
}
