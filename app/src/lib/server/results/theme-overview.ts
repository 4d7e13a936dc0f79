/**
 * What the themes page and the item pages' theme control read: the tree with counts, the
 * suggestions waiting for a person (with their reason), the items tagged per theme, and who
 * accepted each tag (by name; accepting is recorded by user id). Contribution texts reach the
 * browser as excerpts only, and no personal field at all: every member may read themes.
 */
import {
  listContributionThemes,
  listThemes,
  type ContributionTheme,
  type Executor,
} from '@prozesswerkstatt/storage';
import { excerptOf } from './inbox-rows.js';
import { readExplanation, themeTree, type SuggestionReason, type ThemeNode } from './theme-tree.js';

/** Pending suggestions the themes page lists at once (oldest items first). */
export const SUGGESTIONS_SHOWN = 50;
/** Tagged items listed per theme on the themes page (the inbox filter shows all). */
export const TAGGED_SHOWN = 10;

/** An item as the themes page shows it. */
export interface ItemSummary {
  id: string;
  title: string;
  excerpt: string;
}

/** A theme on an item. */
export interface ItemTheme {
  themeId: string;
  /** The theme's path in the tree ("Verkehr › Radwege"). */
  path: string;
  suggested: boolean;
  /** Why it was suggested (shared words, score); null for a tag set by hand. */
  reason: SuggestionReason | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
}

export interface ThemeRow extends ThemeNode {
  tagged: number;
  suggested: number;
  /** The first {@link TAGGED_SHOWN} tagged items with who accepted them. */
  items: (ItemSummary & { acceptedBy: string | null })[];
}

export interface ThemeOverview {
  themes: ThemeRow[];
  suggestions: (ItemSummary & { theme: ItemTheme })[];
  /** All pending suggestions (the page lists {@link SUGGESTIONS_SHOWN}). */
  suggestionCount: number;
}

/** Display names of the given user ids (people who accepted); unknown ids are left out. */
export async function namesOf(db: Executor, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function summariesOf(
  db: Executor,
  planId: string,
  ids: readonly string[],
): Promise<Map<string, ItemSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('contributions')
    .select(['id', 'title', 'text'])
    .where('plan_id', '=', planId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [row.id, { id: row.id, title: row.title, excerpt: excerptOf(row.text) }]),
  );
}

function itemTheme(
  tag: ContributionTheme,
  paths: Map<string, string>,
  names: Map<string, string>,
): ItemTheme {
  return {
    themeId: tag.themeId,
    path: paths.get(tag.themeId) ?? '',
    suggested: tag.suggested,
    reason: readExplanation(tag.explanation),
    acceptedBy: tag.acceptedBy === null ? null : (names.get(tag.acceptedBy) ?? null),
    acceptedAt: tag.acceptedAt,
  };
}

/** The themes page's data. */
export async function loadThemeOverview(db: Executor, planId: string): Promise<ThemeOverview> {
  const tree = themeTree(await listThemes(db, planId));
  const paths = new Map(tree.map((node) => [node.id, node.path]));
  const tags = await listContributionThemes(db, planId);
  const pending = tags.filter((tag) => tag.suggested);
  const accepted = tags.filter((tag) => !tag.suggested);
  const shownPending = pending.slice(0, SUGGESTIONS_SHOWN);
  const shownTagged = tree.flatMap((node) =>
    accepted.filter((tag) => tag.themeId === node.id).slice(0, TAGGED_SHOWN),
  );
  const summaries = await summariesOf(db, planId, [
    ...shownPending.map((tag) => tag.contributionId),
    ...shownTagged.map((tag) => tag.contributionId),
  ]);
  const names = await namesOf(
    db,
    shownTagged.flatMap((tag) => (tag.acceptedBy === null ? [] : [tag.acceptedBy])),
  );
  const counts = (list: ContributionTheme[]) => {
    const byTheme = new Map<string, number>();
    for (const tag of list) byTheme.set(tag.themeId, (byTheme.get(tag.themeId) ?? 0) + 1);
    return byTheme;
  };
  const taggedCounts = counts(accepted);
  const pendingCounts = counts(pending);
  return {
    themes: tree.map((node) => ({
      ...node,
      tagged: taggedCounts.get(node.id) ?? 0,
      suggested: pendingCounts.get(node.id) ?? 0,
      items: shownTagged
        .filter((tag) => tag.themeId === node.id)
        .flatMap((tag) => {
          const item = summaries.get(tag.contributionId);
          const acceptedBy = tag.acceptedBy === null ? null : (names.get(tag.acceptedBy) ?? null);
          return item ? [{ ...item, acceptedBy }] : [];
        }),
    })),
    suggestions: shownPending.flatMap((tag) => {
      const item = summaries.get(tag.contributionId);
      return item ? [{ ...item, theme: itemTheme(tag, paths, names) }] : [];
    }),
    suggestionCount: pending.length,
  };
}

/** One item's themes (for the compact control on the item pages) and the tree to pick from. */
export async function loadItemThemes(
  db: Executor,
  planId: string,
  contributionId: string,
): Promise<{ tree: ThemeNode[]; onItem: ItemTheme[] }> {
  const tree = themeTree(await listThemes(db, planId));
  const paths = new Map(tree.map((node) => [node.id, node.path]));
  const tags = await listContributionThemes(db, planId, [contributionId]);
  const names = await namesOf(
    db,
    tags.flatMap((tag) => (tag.acceptedBy === null ? [] : [tag.acceptedBy])),
  );
  return { tree, onItem: tags.map((tag) => itemTheme(tag, paths, names)) };
}
