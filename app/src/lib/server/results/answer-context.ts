/**
 * What the item page and the cluster page both need to answer: the plan elements and measures a
 * decision can link to, the plan's reply templates, and the step from the form's input to
 * storage's `ReplyInput` (the original of a "duplicate of" is named by its receipt code).
 */
import {
  listMeasures,
  listReplyTemplates,
  type ReplyInput,
  type ReplyTemplate,
} from '@prozesswerkstatt/storage';
import type { Db } from '../db.js';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { loadLinkTargets, type LinkTarget } from './link-targets.js';
import type { ReplyFieldErrors, ReplyFormInput, ReplyTargets } from './reply-form.js';

export interface MeasureOption {
  id: string;
  title: string;
}

export interface AnswerChoices {
  links: LinkTarget[];
  measures: MeasureOption[];
  templates: ReplyTemplate[];
}

/** A measure's title in `locale`, else German, else any it has. */
function titleIn(title: Record<string, string>, locale: string): string {
  return title[locale] || title['de'] || Object.values(title).find(Boolean) || '';
}

export async function loadAnswerChoices(
  db: Db,
  storage: DocumentStorage,
  planId: string,
  locale: string,
): Promise<AnswerChoices> {
  const [links, measures, templates] = await Promise.all([
    loadLinkTargets(storage, planId),
    listMeasures(db, planId),
    listReplyTemplates(db, planId),
  ]);
  return {
    links,
    measures: measures.map((measure) => ({
      id: measure.id,
      title: titleIn(measure.title, locale),
    })),
    templates,
  };
}

export function replyTargetsOf(choices: AnswerChoices): ReplyTargets {
  return {
    links: new Set(choices.links.map((link) => link.value)),
    measureIds: new Set(choices.measures.map((measure) => measure.id)),
  };
}

/** The id of the plan's contribution with receipt code `code`; undefined when there is none. */
export async function contributionIdByCode(
  db: Db,
  planId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('contributions')
    .select('id')
    .where('plan_id', '=', planId)
    .where('receipt_code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The form's answer as storage takes it, or the field errors of what the plan does not have.
 * `selfIds` are the contributions being answered (none may be its own original).
 */
export async function toReplyInput(
  db: Db,
  planId: string,
  input: ReplyFormInput,
  selfIds: readonly string[],
): Promise<{ ok: true; input: ReplyInput } | { ok: false; errors: ReplyFieldErrors }> {
  let duplicateOfId: string | null = null;
  if (input.duplicateOfCode !== null) {
    const id = await contributionIdByCode(db, planId, input.duplicateOfCode);
    if (id === undefined)
      return { ok: false, errors: { duplicateOf: m.results_answer_error_duplicate_missing() } };
    if (selfIds.includes(id))
      return { ok: false, errors: { duplicateOf: m.results_answer_error_duplicate_self() } };
    duplicateOfId = id;
  }
  return {
    ok: true,
    input: {
      decision: input.decision,
      reason: input.reason,
      response: input.response,
      linkKind: input.linkKind,
      linkId: input.linkId,
      measureId: input.measureId,
      duplicateOfId,
    },
  };
}
