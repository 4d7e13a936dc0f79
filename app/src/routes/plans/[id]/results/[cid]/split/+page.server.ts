import { error, fail } from '@sveltejs/kit';
import {
  ResultsConflictError,
  ResultsInputError,
  ResultsNotFoundError,
  getContribution,
  getReply,
  splitContribution,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { boundedId } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import { excerptOf } from '$lib/server/results/inbox-rows';
import { countParts } from '$lib/server/results/item-parts';
import { resultsContext } from '$lib/server/results/result-events';
import { parseSplitForm, proposedParts } from '$lib/server/results/split-form';
import type { Actions, PageServerLoad } from './$types';

/**
 * Splitting a long submission into parts answered separately: the page proposes the text's
 * paragraphs, the person adjusts them; the parts become new items linked to the original. An item
 * is split once, at the versions the page read (see storage's `splitContribution`).
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.answer');
  const db = await getDatabase();
  const contribution = await getContribution(db, plan.id, boundedId(params.cid));
  if (!contribution) error(404, m.results_not_found());
  const [parts, reply] = await Promise.all([
    countParts(db, plan.id, contribution.id),
    getReply(db, plan.id, contribution.id),
  ]);
  return {
    plan: { id: plan.id, title: plan.title },
    item: {
      id: contribution.id,
      title: contribution.title,
      text: contribution.text,
      sourceRef: contribution.sourceRef,
      parts,
      // Sent back with the split: storage refuses it if either moved on (answered, split).
      version: contribution.version,
      replyVersion: reply?.version ?? null,
    },
    proposed: proposedParts(contribution.text),
  };
};

export const actions: Actions = {
  /** Creates the confirmed parts as new items under the original. */
  split: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const db = await getDatabase();
    // Another plan's item (or none) is 404 before the parts are even looked at.
    if (!(await getContribution(db, plan.id, boundedId(params.cid))))
      error(404, m.results_not_found());
    const parsed = parseSplitForm(await request.formData());
    if (!parsed.ok) {
      return fail(400, { error: parsed.error, partErrors: parsed.partErrors, parts: parsed.parts });
    }
    try {
      const created = await splitContribution(
        resultsContext(db),
        plan.id,
        boundedId(params.cid),
        parsed.base,
        parsed.parts,
        plan.user.id,
      );
      return {
        created: created.map((part) => ({
          id: part.id,
          sourceRef: part.sourceRef ?? '',
          excerpt: excerptOf(part.text, 120),
        })),
      };
    } catch (failure) {
      if (failure instanceof ResultsNotFoundError) error(404, m.results_not_found());
      if (failure instanceof ResultsConflictError) {
        // A double submit, someone else's split, or an answer saved meanwhile: nothing written.
        return fail(409, {
          error:
            failure.entity === 'split'
              ? m.results_sort_split_already()
              : m.results_sort_split_conflict(),
          partErrors: {},
          parts: parsed.parts.map((part) => part.text),
        });
      }
      if (failure instanceof ResultsInputError) {
        return fail(400, {
          error: m.results_error_invalid(),
          partErrors: {},
          parts: parsed.parts.map((part) => part.text),
        });
      }
      throw failure;
    }
  },
};
