/**
 * Contributions that plan documents of schema 3 and older kept inline in their results, as rows of
 * the contributions table. One mapping for both ways they arrive: the collab-server moving them
 * out of a stored document before plan migration 004, and the app importing an old plan JSON file.
 * The input type is structural (plan-model's `InlineContribution` fits it), as storage does not
 * depend on plan-model.
 */
import type { NewContribution } from './contribution-input.js';
import type { Decision } from '../schema/results-values.js';

/** Where contributions moved out of a plan document come from (their reference is their id). */
export const PLAN_DOCUMENT_SOURCE = 'plan-document';

/** A contribution as plan schema 3 kept it inside a result. */
export interface InlineContributionInput {
  id: string;
  /** The phase or format of its result. */
  subjectId: string;
  text: string;
  response: 'open' | 'adopted' | 'partly' | 'rejected';
  reason: string;
}

const DECISION_OF: Record<InlineContributionInput['response'], Decision | null> = {
  open: null,
  adopted: 'adopted',
  partly: 'partly_adopted',
  rejected: 'not_adopted',
};

/** True when the inline contribution holds anything (the old form left empty rows behind). */
export function hasInlineContent(contribution: InlineContributionInput): boolean {
  return (
    contribution.text.trim() !== '' ||
    contribution.reason.trim() !== '' ||
    contribution.response !== 'open'
  );
}

/** One schema-3 contribution as a row of the contributions table. */
export function inlineContributionRow(
  contribution: InlineContributionInput,
  receivedAt: string,
): NewContribution {
  const decision = DECISION_OF[contribution.response];
  const text = contribution.text.trim();
  return {
    channel: 'other',
    sourceSystem: PLAN_DOCUMENT_SOURCE,
    sourceRef: `${contribution.subjectId}/${contribution.id}`,
    receivedAt,
    authorKind: 'anonymous',
    subjectId: contribution.subjectId || null,
    // The old form allowed an empty text; the table needs one.
    text: text === '' ? '–' : text,
    ...((decision || contribution.reason.trim()) && {
      reply: { decision, reason: contribution.reason.trim() },
    }),
  };
}

/** The rows of the non-empty ones among `contributions`, in their order. */
export function inlineContributionRows(
  contributions: readonly InlineContributionInput[],
  receivedAt: string,
): NewContribution[] {
  return contributions
    .filter(hasInlineContent)
    .map((contribution) => inlineContributionRow(contribution, receivedAt));
}
