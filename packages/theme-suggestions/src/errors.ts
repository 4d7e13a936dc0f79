/**
 * Bad input to `suggestThemes` (a missing id, an id used twice, an option out of range). `path`
 * names the place, e.g. `contributions[3].id`, so the caller can say exactly what is wrong.
 */
export class ThemeSuggestionInputError extends Error {
  override readonly name = 'ThemeSuggestionInputError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
