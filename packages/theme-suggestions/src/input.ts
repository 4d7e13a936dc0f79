import { ThemeSuggestionInputError } from './errors.js';
import { compare } from './explain.js';
import type { ContributionText, Language, SuggestionInput, ThemeLabel } from './types.js';

const LANGUAGES: readonly Language[] = ['de', 'en'];

/**
 * The input checked and sorted by id, so the result does not depend on the order it came in.
 * Throws `ThemeSuggestionInputError` naming the first bad place.
 */
export function checkedInput(input: SuggestionInput): {
  contributions: ContributionText[];
  themes: ThemeLabel[];
} {
  if (input === null || typeof input !== 'object') {
    throw new ThemeSuggestionInputError('input', 'expected an object');
  }
  if (!Array.isArray(input.contributions)) {
    throw new ThemeSuggestionInputError('contributions', 'expected an array');
  }
  if (input.themes !== undefined && !Array.isArray(input.themes)) {
    throw new ThemeSuggestionInputError('themes', 'expected an array');
  }
  const contributions = input.contributions.map((item, i) => {
    const path = `contributions[${i}]`;
    checkId(item, path);
    if (typeof item.text !== 'string') {
      throw new ThemeSuggestionInputError(`${path}.text`, 'expected a string');
    }
    checkLanguage(item.language, path);
    return { id: item.id, text: item.text, language: item.language };
  });
  const themes = (input.themes ?? []).map((item, i) => {
    const path = `themes[${i}]`;
    checkId(item, path);
    if (typeof item.label !== 'string') {
      throw new ThemeSuggestionInputError(`${path}.label`, 'expected a string');
    }
    checkLanguage(item.language, path);
    return { id: item.id, label: item.label, language: item.language };
  });
  unique(input.contributions, 'contributions');
  unique(input.themes ?? [], 'themes');
  contributions.sort((a, b) => compare(a.id, b.id));
  themes.sort((a, b) => compare(a.id, b.id));
  return { contributions, themes };
}

function checkId(item: unknown, path: string): void {
  if (item === null || typeof item !== 'object') {
    throw new ThemeSuggestionInputError(path, 'expected an object');
  }
  const id = (item as { id?: unknown }).id;
  if (typeof id !== 'string' || id.length === 0) {
    throw new ThemeSuggestionInputError(`${path}.id`, 'expected a non-empty string');
  }
}

function checkLanguage(language: unknown, path: string): void {
  if (language !== undefined && !LANGUAGES.includes(language as Language)) {
    throw new ThemeSuggestionInputError(`${path}.language`, `expected one of ${LANGUAGES}`);
  }
}

function unique(items: ReadonlyArray<{ id: string }>, what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = seen.get(item.id);
    if (earlier !== undefined) {
      throw new ThemeSuggestionInputError(
        `${what}[${i}].id`,
        `"${item.id}" is already used by ${what}[${earlier}]`,
      );
    }
    seen.set(item.id, i);
  });
}
