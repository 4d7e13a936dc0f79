/**
 * The plan elements a decision can say it changes (issue #18: phase, format, open question,
 * stakeholder), read from the stored plan document. Phases, formats and stakeholders have ids;
 * the open questions are lines of the overview's rich-text field, so each is named by a hash of
 * its text: the link holds while the question reads the same and shows as "no longer in the
 * plan" once it is reworded or removed.
 */
import { createHash } from 'node:crypto';
import { planToJSON, richTextJSONToPlainText, type PlanJSON } from '@prozesswerkstatt/plan-model';
import { planDocumentName } from '@prozesswerkstatt/contract';
import type { DocumentStorage, LinkKind } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { linkValue } from './reply-form.js';

export interface LinkTarget {
  /** `kind:id`, the option's value (see `linkValue`). */
  value: string;
  kind: LinkKind;
  title: string;
}

/** The id of an open question: a short hash of its text. */
export function openQuestionId(text: string): string {
  return `q-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Every element of `plan` a decision can link to, grouped by kind in plan order. */
export function linkTargetsOf(plan: PlanJSON): LinkTarget[] {
  const targets: LinkTarget[] = [];
  const add = (kind: LinkKind, id: string, title: string) =>
    targets.push({ value: linkValue(kind, id), kind, title });
  for (const phase of plan.phases) add('phase', phase.id, phase.title);
  for (const phase of plan.phases) {
    for (const format of phase.formats) add('format', format.id, format.title);
  }
  const questions = richTextJSONToPlainText(plan.overview.openQuestions)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const question of new Set(questions))
    add('open_question', openQuestionId(question), question);
  for (const stakeholder of plan.stakeholders) add('stakeholder', stakeholder.id, stakeholder.name);
  return targets;
}

/** The link targets of a stored plan; empty when the document is missing. */
export async function loadLinkTargets(
  storage: DocumentStorage,
  planId: string,
): Promise<LinkTarget[]> {
  const state = await storage.loadDocument(planDocumentName(planId));
  if (state === null) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return linkTargetsOf(planToJSON(doc));
  } finally {
    doc.destroy();
  }
}
