import type { ThemeMatch, ThemeSuggestions } from './types.js';

/** What `storedExplanation` writes: enough to show and judge a suggestion later. */
export interface StoredExplanation {
  /** `name@version` of the method that made the suggestion. */
  method: string;
  score: number;
  via: ThemeMatch['via'];
  /** The shared words as shown to people, strongest first. */
  words: string[];
  /** The stems behind them (the same order). */
  terms: string[];
}

/**
 * A theme suggestion's explanation as compact JSON, for the `explanation` column of
 * `contribution_themes` (storage's results schema), read back with `JSON.parse`.
 */
export function storedExplanation(match: ThemeMatch, method: ThemeSuggestions['method']): string {
  const stored: StoredExplanation = {
    method: `${method.name}@${method.version}`,
    score: match.score,
    via: match.via,
    words: match.sharedTerms.map((term) => term.word),
    terms: match.sharedTerms.map((term) => term.term),
  };
  return JSON.stringify(stored);
}
