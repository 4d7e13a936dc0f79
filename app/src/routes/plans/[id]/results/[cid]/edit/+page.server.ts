import { error, fail } from '@sveltejs/kit';
import {
  AUTHOR_KINDS,
  CONTRIBUTION_CHANNELS,
  ResultsConflictError,
  ResultsInputError,
  ResultsNotFoundError,
  berlinToday,
  getContribution,
  updateContribution,
} from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase, getStorage } from '$lib/server/db';
import { boundedId } from '$lib/server/form-fields';
import { requirePlanPermission } from '$lib/server/plan-access';
import {
  conflictFields,
  editFormValues,
  expectedVersionOf,
  parseContributionEditForm,
} from '$lib/server/results/contribution-edit-form';
import { countParts } from '$lib/server/results/item-parts';
import { resultsContext } from '$lib/server/results/result-events';
import { loadResultSubjects } from '$lib/server/results/result-subjects';
import { themeActions } from '$lib/server/results/theme-actions';
import { loadItemThemes } from '$lib/server/results/theme-overview';
import type { Actions, PageServerLoad } from './$types';

/**
 * Editing one contribution: every field, with the version it was read at, so a concurrent save
 * by someone else is refused and shown instead of overwritten. Names and contacts are on it, so
 * only those who answer (editors, facilitators) open it.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.answer');
  const db = await getDatabase();
  const contribution = await getContribution(db, plan.id, boundedId(params.cid));
  if (!contribution) error(404, m.results_not_found());
  const parts = await countParts(db, plan.id, contribution.id);
  return {
    plan: { id: plan.id, title: plan.title },
    userId: plan.user.id,
    item: {
      id: contribution.id,
      version: contribution.version,
      parentId: contribution.parentId,
      sourceRef: contribution.sourceRef,
      parts,
    },
    values: editFormValues(contribution),
    subjects: await loadResultSubjects(await getStorage(), plan.id),
    channels: CONTRIBUTION_CHANNELS,
    authorKinds: AUTHOR_KINDS,
    themes: await loadItemThemes(db, plan.id, contribution.id),
  };
};

export const actions: Actions = {
  /** Saves the changed fields if nobody else saved the item since the form was loaded. */
  save: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    const db = await getDatabase();
    const current = await getContribution(db, plan.id, boundedId(params.cid));
    if (!current) error(404, m.results_not_found());
    const subjects = await loadResultSubjects(await getStorage(), plan.id);
    const form = await request.formData();
    // The version the person started from goes back with a refused save, so the next try is
    // still checked against it (not against a version they never saw).
    const version = expectedVersionOf(form);
    const parsed = parseContributionEditForm(
      form,
      current,
      new Set(subjects.map((subject) => subject.id)),
      berlinToday(),
    );
    if (!parsed.ok) {
      return fail(400, {
        errors: parsed.errors,
        values: parsed.values,
        version,
        summary: m.results_form_has_errors(),
      });
    }
    try {
      const saved = await updateContribution(
        resultsContext(db),
        plan.id,
        current.id,
        parsed.expectedVersion,
        parsed.patch,
        plan.user.id,
      );
      return { saved: saved.version };
    } catch (failure) {
      if (failure instanceof ResultsConflictError) {
        const now = await getContribution(db, plan.id, current.id);
        if (!now) error(404, m.results_not_found());
        // The person's values stay in the form, now against the current version: saving again
        // is a deliberate choice after reading what the other person changed.
        return fail(409, {
          values: parsed.values,
          conflict: {
            version: now.version,
            fields: conflictFields(parsed.values, now),
            current: editFormValues(now),
          },
        });
      }
      if (failure instanceof ResultsNotFoundError) error(404, m.results_not_found());
      if (failure instanceof ResultsInputError) {
        const taken = failure.issues.some((issue) => issue.code === 'duplicate');
        return fail(400, {
          errors: taken
            ? { sourceRef: m.results_sort_error_source_taken() }
            : { text: m.results_error_invalid() },
          values: parsed.values,
          version,
          summary: m.results_form_has_errors(),
        });
      }
      throw failure;
    }
  },
  // The item's compact theme control (named, not spread, so the authorization matrix sees them).
  tag: async (event) => themeActions.tag(event),
  accept: async (event) => themeActions.accept(event),
  untag: async (event) => themeActions.untag(event),
};
