/**
 * "Suggest themes" on the themes page: every contribution of the plan (title and text) and the
 * plan's themes go through the local method on a worker thread (`suggestThemesInThread`: 10,000
 * items take ~4 s of CPU, which on the request's own thread would stall every other request of
 * this app for as long); the matches are stored as suggested with their explanation. Clusters
 * that match no theme come back as proposed new themes, which a person may create.
 */
import {
  addThemeSuggestions,
  listThemes,
  type ResultsContext,
  type ThemeSuggestion,
} from '@prozesswerkstatt/storage';
import { storedExplanation, type ThemeSuggestions } from '@prozesswerkstatt/theme-suggestions';
import { suggestThemesInThread } from '@prozesswerkstatt/theme-suggestions/thread';

/** Matches stored per contribution, best first: more is noise a person has to reject. */
export const SUGGESTIONS_PER_ITEM = 3;
/** Proposed new themes shown after a run, the largest clusters first. */
export const PROPOSALS_SHOWN = 10;

/** A cluster without a matching theme: a candidate for a new one. */
export interface ThemeProposal {
  /** The cluster's top words joined with " · " (the method's label). */
  label: string;
  /** How many contributions it groups. */
  size: number;
}

/** What one run did, for the page to report. */
export interface SuggestRunSummary {
  /** Contributions analysed (all of the plan's). */
  analysed: number;
  /** Suggestions newly stored (a theme already on an item is not suggested again). */
  added: number;
  /** Contributions too short to say anything about. */
  skipped: number;
  proposals: ThemeProposal[];
  /** Wall time of the run in milliseconds. */
  milliseconds: number;
}

/** Refused: a run for this plan is still going (one at a time per plan and process). */
export class SuggestRunBusyError extends Error {
  constructor(readonly planId: string) {
    super(`theme suggestions for plan ${planId} are already running`);
    this.name = 'SuggestRunBusyError';
  }
}

const running = new Set<string>();

/** Runs the method over the plan and stores its theme matches as suggested. */
export async function runThemeSuggestions(
  ctx: ResultsContext,
  planId: string,
  suggest: typeof suggestThemesInThread = suggestThemesInThread,
): Promise<SuggestRunSummary> {
  if (running.has(planId)) throw new SuggestRunBusyError(planId);
  running.add(planId);
  const started = performance.now();
  try {
    const contributions = await ctx.db
      .selectFrom('contributions')
      .select(['id', 'title', 'text'])
      .where('plan_id', '=', planId)
      .orderBy('id')
      .execute();
    const themes = await listThemes(ctx.db, planId);
    const result = await suggest({
      contributions: contributions.map((row) => ({
        id: row.id,
        text: row.title ? `${row.title}\n${row.text}` : row.text,
      })),
      themes: themes.map((theme) => ({ id: theme.id, label: theme.label })),
    });
    const added = await addThemeSuggestions(ctx, planId, suggestionsOf(result));
    return {
      analysed: contributions.length,
      added,
      skipped: result.skipped.length,
      proposals: proposalsOf(result),
      milliseconds: Math.round(performance.now() - started),
    };
  } finally {
    running.delete(planId);
  }
}

/** Each contribution's best matches with their stored explanation. */
export function suggestionsOf(result: ThemeSuggestions): ThemeSuggestion[] {
  return result.contributions.flatMap((item) =>
    item.themes.slice(0, SUGGESTIONS_PER_ITEM).map((match) => ({
      contributionId: item.contributionId,
      themeId: match.themeId,
      explanation: storedExplanation(match, result.method),
    })),
  );
}

/** Clusters that match no existing theme, largest first. */
export function proposalsOf(result: ThemeSuggestions): ThemeProposal[] {
  return result.clusters
    .filter((cluster) => cluster.themes.length === 0)
    .map((cluster) => ({ label: cluster.label, size: cluster.members.length }))
    .sort((a, b) => b.size - a.size || a.label.localeCompare(b.label))
    .slice(0, PROPOSALS_SHOWN);
}
