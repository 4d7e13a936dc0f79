/**
 * The form actions that change a plan's themes and tags, shared by the themes page and the item
 * pages' compact theme control. Each checks `results.answer` (editors and facilitators sort;
 * commenters and viewers only read themes), calls storage's results API with the live events
 * context, and answers a person's mistake with `fail(400)` and a translated message.
 */
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import {
  ResultsInputError,
  ResultsNotFoundError,
  acceptThemeSuggestion,
  createTheme,
  deleteTheme,
  tagContribution,
  untagContribution,
  updateTheme,
} from '@prozesswerkstatt/storage';
import { m } from '../../paraglide/messages.js';
import { getDatabase } from '../db.js';
import { formId, formText } from '../form-fields.js';
import { requirePlanPermission } from '../plan-access.js';
import { resultsContext } from './result-events.js';

type Event = RequestEvent<{ id: string }>;

/** What a theme action answers: which action and a sentence for the status line. */
export interface ThemeActionResult {
  themeDone: string;
}

/** A refused theme action: the message, and the theme form it belongs to (for focus). */
export interface ThemeActionFailure {
  themeError: string;
  themeId: string | null;
}

type Outcome = ThemeActionResult | ActionFailure<ThemeActionFailure>;

async function permitted(event: Event) {
  const plan = await requirePlanPermission(event.locals, event.params.id, 'results.answer');
  const form = await event.request.formData();
  return { plan, form, ctx: resultsContext(await getDatabase()) };
}

/** Storage's refusals as translated failures; anything else is a server fault. */
function refused(error: unknown, themeId: string | null): ActionFailure<ThemeActionFailure> {
  if (error instanceof ResultsNotFoundError) {
    return fail(404, {
      themeError:
        error.entity === 'theme' ? m.results_sort_theme_missing() : m.results_sort_item_missing(),
      themeId,
    });
  }
  if (error instanceof ResultsInputError) {
    const cycle = error.issues.some((issue) => issue.code === 'cycle');
    return fail(400, {
      themeError: cycle ? m.results_sort_theme_cycle() : m.results_sort_theme_label_invalid(),
      themeId,
    });
  }
  throw error;
}

/** The parent picked in a form: '' means the top level. */
function parentOf(form: FormData): string | null {
  const parent = formId(form, 'parentId');
  return parent === '' ? null : parent;
}

export const themeActions = {
  /** A new theme, at the top or under another. */
  createTheme: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const label = formText(form, 'label');
    try {
      const theme = await createTheme(
        ctx,
        plan.id,
        { label, parentId: parentOf(form) },
        plan.user.id,
      );
      return { themeDone: m.results_sort_theme_created({ label: theme.label }) };
    } catch (error) {
      return refused(error, null);
    }
  },

  /** A new label for a theme. */
  renameTheme: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    try {
      const theme = await updateTheme(
        ctx,
        plan.id,
        themeId,
        { label: formText(form, 'label') },
        plan.user.id,
      );
      return { themeDone: m.results_sort_theme_renamed({ label: theme.label }) };
    } catch (error) {
      return refused(error, themeId);
    }
  },

  /** Moves a theme under another one, or to the top level (the keyboard path for nesting). */
  moveTheme: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    try {
      const theme = await updateTheme(
        ctx,
        plan.id,
        themeId,
        { parentId: parentOf(form) },
        plan.user.id,
      );
      return { themeDone: m.results_sort_theme_moved({ label: theme.label }) };
    } catch (error) {
      return refused(error, themeId);
    }
  },

  /** Deletes a theme with its sub-themes and their tags (the page says so beside the button). */
  deleteTheme: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    const deleted = await deleteTheme(ctx, plan.id, themeId, plan.user.id);
    if (!deleted) return fail(404, { themeError: m.results_sort_theme_missing(), themeId });
    return { themeDone: m.results_sort_theme_deleted() };
  },

  /** Tags an item with a theme by hand (accepts a pending suggestion of the same theme). */
  tag: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    try {
      await tagContribution(ctx, plan.id, formId(form, 'contributionId'), themeId, plan.user.id);
      return { themeDone: m.results_sort_tagged() };
    } catch (error) {
      return refused(error, themeId);
    }
  },

  /** Accepts a suggested theme, recording who accepted it. */
  accept: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    try {
      const accepted = await acceptThemeSuggestion(
        ctx,
        plan.id,
        formId(form, 'contributionId'),
        themeId,
        plan.user.id,
      );
      // Someone else accepted or rejected it a moment ago: say so instead of pretending.
      if (!accepted) return fail(409, { themeError: m.results_sort_suggestion_gone(), themeId });
      return { themeDone: m.results_sort_accepted() };
    } catch (error) {
      return refused(error, themeId);
    }
  },

  /** Removes a theme from an item: a tag, or a rejected suggestion. */
  untag: async (event: Event): Promise<Outcome> => {
    const { plan, form, ctx } = await permitted(event);
    const themeId = formId(form, 'themeId');
    try {
      await untagContribution(ctx, plan.id, formId(form, 'contributionId'), themeId, plan.user.id);
      return { themeDone: m.results_sort_untagged() };
    } catch (error) {
      return refused(error, themeId);
    }
  },
};
