import { ThemeSuggestionInputError } from './errors.js';
import type { SuggestionOptions } from './types.js';

/** The defaults, tuned on the German and English fixtures and a 10,000-item synthetic corpus. */
export const DEFAULT_OPTIONS: Readonly<SuggestionOptions> = Object.freeze({
  minTerms: 2,
  minTokenLength: 3,
  maxDocumentShare: 0.5,
  minDocumentsForShareCut: 20,
  maxVocabulary: 50_000,
  duplicateThreshold: 0.75,
  neighbours: 10,
  clusterThreshold: 0.25,
  minClusterSize: 3,
  labelTerms: 3,
  themeThreshold: 0.1,
  maxThemesPerContribution: 3,
  explainTerms: 5,
});

type Rule = { integer: boolean; min: number; max: number };

const RULES: Record<keyof SuggestionOptions, Rule> = {
  minTerms: { integer: true, min: 1, max: 1000 },
  minTokenLength: { integer: true, min: 1, max: 20 },
  maxDocumentShare: { integer: false, min: 0.01, max: 1 },
  minDocumentsForShareCut: { integer: true, min: 1, max: Number.MAX_SAFE_INTEGER },
  maxVocabulary: { integer: true, min: 1, max: 10_000_000 },
  duplicateThreshold: { integer: false, min: 0.01, max: 1 },
  neighbours: { integer: true, min: 1, max: 100 },
  clusterThreshold: { integer: false, min: 0.01, max: 1 },
  minClusterSize: { integer: true, min: 2, max: Number.MAX_SAFE_INTEGER },
  labelTerms: { integer: true, min: 1, max: 20 },
  themeThreshold: { integer: false, min: 0.001, max: 1 },
  maxThemesPerContribution: { integer: true, min: 1, max: 100 },
  explainTerms: { integer: true, min: 1, max: 50 },
};

/** The defaults overridden by `partial`; throws `ThemeSuggestionInputError` for a bad value. */
export function resolveOptions(partial: Partial<SuggestionOptions> = {}): SuggestionOptions {
  const resolved: SuggestionOptions = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (!(key in RULES)) throw new ThemeSuggestionInputError(`options.${key}`, 'unknown option');
    const name = key as keyof SuggestionOptions;
    const rule = RULES[name];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (rule.integer && !Number.isInteger(value)) ||
      value < rule.min ||
      value > rule.max
    ) {
      throw new ThemeSuggestionInputError(
        `options.${key}`,
        `expected ${rule.integer ? 'an integer' : 'a number'} from ${rule.min} to ${rule.max}`,
      );
    }
    resolved[name] = value;
  }
  return resolved;
}
