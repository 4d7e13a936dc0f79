/**
 * @prozesswerkstatt/theme-suggestions: local, explainable suggestions for sorting participation
 * contributions (clusters with proposed labels, matching existing themes, likely duplicates).
 * Pure: no database, no network, no clock. See README.md.
 */
export { suggestThemes } from './suggest.js';
export { DEFAULT_OPTIONS } from './options.js';
export { METHOD_VERSION } from './report.js';
export { ThemeSuggestionInputError } from './errors.js';
export { storedExplanation, type StoredExplanation } from './stored-explanation.js';
export { METHOD_NAME } from './types.js';
export type {
  Cluster,
  ClusterMember,
  ContributionSuggestion,
  ContributionText,
  DuplicateGroup,
  DuplicatePair,
  ExplainingTerm,
  Language,
  SkippedContribution,
  SuggestionInput,
  SuggestionOptions,
  ThemeLabel,
  ThemeMatch,
  ThemeSuggestions,
} from './types.js';
