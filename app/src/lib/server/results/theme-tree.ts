/**
 * The plan's theme tree as the themes page and the item pages show it: depth-first order with
 * each theme's depth and path ("Verkehr › Radwege"), the themes another may move under (never
 * itself or its own descendants), and a stored suggestion's explanation read back for people.
 */
import type { Theme } from '@prozesswerkstatt/storage';

/** A theme in display order. */
export interface ThemeNode extends Theme {
  /** 0 for a top-level theme. */
  depth: number;
  /** Labels from the top down to this theme, joined with " › ". */
  path: string;
}

/**
 * Depth-first, siblings by label (as `listThemes` orders them). A theme whose parent is missing
 * (cannot happen through the API; a hand-edited database) is shown at the top level.
 */
export function themeTree(themes: readonly Theme[]): ThemeNode[] {
  const known = new Set(themes.map((theme) => theme.id));
  const children = new Map<string | null, Theme[]>();
  for (const theme of themes) {
    const parent = theme.parentId !== null && known.has(theme.parentId) ? theme.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), theme]);
  }
  const out: ThemeNode[] = [];
  const visit = (parent: string | null, depth: number, path: string) => {
    for (const theme of children.get(parent) ?? []) {
      const own = path === '' ? theme.label : `${path} › ${theme.label}`;
      out.push({ ...theme, depth, path: own });
      visit(theme.id, depth + 1, own);
    }
  };
  visit(null, 0, '');
  return out;
}

/** The ids of `id` and everything under it. */
export function subtreeIds(themes: readonly Theme[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const theme of themes) {
      if (theme.parentId !== null && ids.has(theme.parentId) && !ids.has(theme.id)) {
        ids.add(theme.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** What a person reads about a suggestion: the shared words and the score (0…1). */
export interface SuggestionReason {
  words: string[];
  score: number | null;
}

/**
 * The `explanation` column of a suggestion (theme-suggestions' `storedExplanation` JSON) as words
 * and score; null when there is none or it cannot be read (then the page says "no reason stored").
 */
export function readExplanation(explanation: string | null): SuggestionReason | null {
  if (explanation === null) return null;
  try {
    const parsed = JSON.parse(explanation) as { words?: unknown; score?: unknown };
    const words = Array.isArray(parsed.words)
      ? parsed.words.filter((word): word is string => typeof word === 'string').slice(0, 10)
      : [];
    const score = typeof parsed.score === 'number' ? parsed.score : null;
    return words.length > 0 || score !== null ? { words, score } : null;
  } catch {
    return null;
  }
}
