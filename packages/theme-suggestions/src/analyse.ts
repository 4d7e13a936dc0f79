import { guessLanguage, isStopword, stem } from './language.js';
import type { Language } from './types.js';

/**
 * A word as the tokenizer sees it: letters and digits, with inner apostrophes ("don't") kept so
 * the stop-word lists can match them. Hyphens split ("Kinder-Spielplatz" → two words).
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** One text after tokenising, stop-word removal and stemming. */
export interface AnalysedText {
  language: Language;
  /** Stem → how often it occurs. */
  counts: Map<string, number>;
}

/**
 * Turns texts into stems, remembering each stem's written forms (for display) and caching stems
 * per word, since participation texts repeat a small vocabulary thousands of times.
 */
export class TextAnalyser {
  /** Stem → written form → count, over everything analysed. */
  readonly writtenForms = new Map<string, Map<string, number>>();
  private readonly stems = new Map<string, string | null>();

  constructor(private readonly minTokenLength: number) {}

  /** The words of `text`, lowercased (stop words included), with their written forms. */
  words(text: string): { lower: string[]; written: string[] } {
    const lower: string[] = [];
    const written: string[] = [];
    for (const match of text.normalize('NFC').matchAll(WORD)) {
      const word = match[0].replace(/’/g, "'");
      if (!HAS_LETTER.test(word)) continue;
      written.push(word);
      lower.push(word.toLowerCase());
    }
    return { lower, written };
  }

  /** Stems of `text` in `language` (guessed from stop words when not given). */
  analyse(text: string, language?: Language): AnalysedText {
    const { lower, written } = this.words(text);
    const lang = language ?? guessLanguage(lower);
    const counts = new Map<string, number>();
    for (let i = 0; i < lower.length; i += 1) {
      const term = this.stemOf(lower[i]!, lang);
      if (term === null) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
      this.noteForm(term, written[i]!);
    }
    return { language: lang, counts };
  }

  /** Records that `term` was written as `form` (once more). */
  noteForm(term: string, form: string): void {
    let forms = this.writtenForms.get(term);
    if (!forms) {
      forms = new Map();
      this.writtenForms.set(term, forms);
    }
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }

  /** The stem of a lowercased word, or null for a stop word or a word too short to mean much. */
  stemOf(word: string, language: Language): string | null {
    const key = `${language}:${word}`;
    const cached = this.stems.get(key);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    if (word.length >= this.minTokenLength && !isStopword(word)) {
      const stemmed = stem(word, language);
      // A stemmer can cut a short word to almost nothing ("uses" → "use" is fine, "ist" → "ist").
      result = stemmed.length >= 2 ? stemmed : null;
    }
    this.stems.set(key, result);
    return result;
  }

  /** The most frequent written form of `term` (ties: the first in code-unit order). */
  wordOf(term: string): string {
    const forms = this.writtenForms.get(term);
    if (!forms) return term;
    let best = term;
    let bestCount = -1;
    for (const [form, count] of forms) {
      if (count > bestCount || (count === bestCount && form < best)) {
        best = form;
        bestCount = count;
      }
    }
    return best;
  }
}
