/**
 * The guideline check as a part of the document: how many items are fulfilled, then one row per
 * item with its status and what is missing (or why it does not apply). A version's document shows
 * the check stored with the version (the caller passes it); the current plan's is computed here.
 */
import { checkGuidelines, type GuidelineItemResult } from '@prozesswerkstatt/guideline-check';
import type { PlanJSON } from '@prozesswerkstatt/plan-model';
import type { ExportInput, ExportLabels } from '../input.js';
import { plainRun, type OutlineBlock, type Section } from './outline.js';

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
export function guidelineSection(
  plan: PlanJSON,
  labels: ExportLabels,
  given?: ExportInput['guidelineCheck'],
): Section {
  const check = given?.check ?? checkGuidelines(plan);
  const words = labels.guideline;
  const recomputed: OutlineBlock[] = given?.recomputed
    ? [{ kind: 'paragraph', runs: [plainRun(words.recomputed)] }]
    : [];
  return {
    kind: 'guideline-check',
    key: 'guideline-check',
    level: 2,
    heading: words.heading,
    content: [
      { kind: 'paragraph', runs: [plainRun(words.summary(check))] },
      ...recomputed,
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
