/**
 * The coverage figures as the overview's charts need them: every channel and every decision in a
 * fixed order with zeros filled in (so a chart keeps its shape while items arrive), and the
 * plan's accepted themes by label path, most items first.
 */
import {
  CONTRIBUTION_CHANNELS,
  DECISIONS,
  type ContributionChannel,
  type Coverage,
  type Decision,
  type Theme,
} from '@prozesswerkstatt/storage';

/** One bar: a vocabulary code (the page words it) or a theme, and its count. */
export interface CountOf<K extends string> {
  key: K;
  count: number;
}

/** A theme's bar: its id, its label with its parents' (`Verkehr › Radwege`), its count. */
export interface ThemeCount {
  key: string;
  label: string;
  count: number;
}

/** What the overview's charts and tables show. */
export interface CoverageSeries {
  total: number;
  channels: CountOf<ContributionChannel>[];
  /** Every decision, then `none` (items without one). */
  decisions: CountOf<Decision | 'none'>[];
  themes: ThemeCount[];
  /** Items without a decision; with a decision that needs a reason they lack; past due. */
  withoutDecision: number;
  withoutReason: number;
  overdue: number;
}

/** Separator between a theme's parent labels and its own. */
const PATH_SEPARATOR = ' › ';

/** `label` preceded by its parents' labels; a cycle or a missing parent ends the walk. */
function themePath(theme: Theme, byId: Map<string, Theme>): string {
  const labels = [theme.label];
  const seen = new Set([theme.id]);
  let parentId = theme.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    labels.unshift(parent.label);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return labels.join(PATH_SEPARATOR);
}

/** The chart series of `coverage` for a plan whose themes are `themes`. */
export function coverageSeries(coverage: Coverage, themes: readonly Theme[]): CoverageSeries {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  return {
    total: coverage.total,
    channels: CONTRIBUTION_CHANNELS.map((key) => ({ key, count: coverage.byChannel[key] ?? 0 })),
    decisions: [...DECISIONS, 'none' as const].map((key) => ({
      key,
      count: coverage.byDecision[key] ?? 0,
    })),
    themes: themes
      .map((theme) => ({
        key: theme.id,
        label: themePath(theme, byId),
        count: coverage.byTheme[theme.id] ?? 0,
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'de')),
    withoutDecision: coverage.withoutDecision,
    withoutReason: coverage.withoutReason,
    overdue: coverage.overdue,
  };
}
