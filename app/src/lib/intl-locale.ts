/**
 * The locale `Intl` formats numbers and dates in for the current language (German: `de-DE`,
 * so 1.234,50 €; English: `en-GB`). Its own module so the board can use it without pulling the
 * export words into its first-load JavaScript.
 */
import { getLocale } from '$lib/paraglide/runtime.js';

/** The Intl locale of the current language. */
export function intlLocale(): string {
  return getLocale() === 'en' ? 'en-GB' : 'de-DE';
}
