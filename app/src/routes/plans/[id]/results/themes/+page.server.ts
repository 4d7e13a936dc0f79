import { fail } from '@sveltejs/kit';
import { can } from '@prozesswerkstatt/contract';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { requirePlanPermission } from '$lib/server/plan-access';
import { resultsContext } from '$lib/server/results/result-events';
import { themeActions } from '$lib/server/results/theme-actions';
import { loadThemeOverview } from '$lib/server/results/theme-overview';
import { SuggestRunBusyError, runThemeSuggestions } from '$lib/server/results/theme-suggest-job';
import type { Actions, PageServerLoad } from './$types';

/**
 * The plan's theme tree: every member reads it (commenters too); editors and facilitators
 * create, rename, nest and delete themes, tag items, run the suggestions and accept them.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'results.read');
  return {
    plan: { id: plan.id, title: plan.title },
    userId: plan.user.id,
    canChange: can(plan.role, 'results.answer'),
    overview: await loadThemeOverview(await getDatabase(), plan.id),
  };
};

// Each action named here (not spread), so the authorization matrix sees every one of them.
export const actions: Actions = {
  createTheme: async (event) => themeActions.createTheme(event),
  renameTheme: async (event) => themeActions.renameTheme(event),
  moveTheme: async (event) => themeActions.moveTheme(event),
  deleteTheme: async (event) => themeActions.deleteTheme(event),
  tag: async (event) => themeActions.tag(event),
  accept: async (event) => themeActions.accept(event),
  untag: async (event) => themeActions.untag(event),
  /**
   * Runs the local suggestion method over all of the plan's items on a worker thread and stores
   * its matches as suggested. The request waits for it (seconds for 10,000 items) while the app
   * keeps serving others; the page shows that it is working.
   */
  suggest: async ({ locals, params }) => {
    const plan = await requirePlanPermission(locals, params.id, 'results.answer');
    try {
      const summary = await runThemeSuggestions(resultsContext(await getDatabase()), plan.id);
      return { suggested: summary };
    } catch (error) {
      if (error instanceof SuggestRunBusyError) {
        return fail(409, { suggestError: m.results_sort_suggest_busy() });
      }
      throw error;
    }
  },
};
