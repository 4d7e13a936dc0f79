import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as germanStopwords } from '@orama/stopwords/german';
import type { Language } from './types.js';

/**
 * Words the Snowball lists lack but that fill participation texts without saying what they are
 * about (requests, hedges, modern spellings like "dass" where the list has "daß"). Kept short so
 * that every entry can be argued for; anything corpus-wide is caught by `maxDocumentShare`.
 */
const EXTRA_STOPWORDS: Record<Language, readonly string[]> = {
  de: [
    'dass',
    'bitte',
    'mehr',
    'gibt',
    'geben',
    'gebe',
    'finde',
    'finden',
    'wäre',
    'wären',
    'schon',
    'immer',
    'ganz',
    'viele',
    'vielen',
    'viel',
    'wurde',
    'wurden',
    'sollen',
    'sollten',
    'sollte',
    'könnte',
    'könnten',
    'müssen',
    'muss',
    'müsste',
    'gerne',
    'gern',
    'leider',
    'danke',
    'einfach',
    'sowie',
    'dabei',
    'daher',
    'deshalb',
    'etwa',
    'bzw',
    'usw',
    'evtl',
    'sehr',
    'gut',
    'neue',
    'neuen',
    'neuer',
    'neues',
    'bereits',
    'endlich',
    'wirklich',
    'unsere',
    'unserer',
    'unseren',
    'unserem',
    'unseres',
    'beim',
    'seit',
    'wegen',
    'mal',
    'heute',
    'bald',
    'dafür',
    'davon',
    'darauf',
    'dagegen',
    'deswegen',
  ],
  en: [
    'please',
    'also',
    'really',
    'think',
    'need',
    'needs',
    'many',
    'much',
    'lot',
    'lots',
    'like',
    'thanks',
    'thank',
    'would',
    'could',
    'should',
    'get',
    'make',
    'new',
    'good',
    'well',
    'just',
    'one',
    'even',
    'still',
    'already',
    'finally',
  ],
};

const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  de: new Set([...germanStopwords, ...EXTRA_STOPWORDS.de]),
  en: new Set([...englishStopwords, ...EXTRA_STOPWORDS.en]),
};

/** Both lists: a German text quoting English (or the reverse) drops the other's fillers too. */
const ANY_STOPWORD = new Set([...STOPWORDS.de, ...STOPWORDS.en]);

/** True for a lowercased word on the German or the English stop-word list. */
export function isStopword(word: string): boolean {
  return ANY_STOPWORD.has(word);
}

/**
 * The language with more stop-word hits among `words` (lowercased); German on a tie, since the
 * product's default language is German.
 */
export function guessLanguage(words: readonly string[]): Language {
  let de = 0;
  let en = 0;
  for (const word of words) {
    if (STOPWORDS.de.has(word)) de += 1;
    if (STOPWORDS.en.has(word)) en += 1;
  }
  return en > de ? 'en' : 'de';
}

/**
 * Writes "ae", "oe", "ue" as umlauts (as the Snowball "german2" variant does), so "Spielplaetze"
 * and "Spielplätze" get one stem. Not after "q" ("Quelle"), nor where the vowel belongs to a
 * diphthong ("eu", "au" before "e": "Steuer", "Bauer").
 */
function transcribedUmlauts(word: string): string {
  return word.replace(/(^|[^aeiouq])([aou])e/g, (_match, before: string, vowel: string) => {
    const umlaut = vowel === 'a' ? 'ä' : vowel === 'o' ? 'ö' : 'ü';
    return `${before}${umlaut}`;
  });
}

/**
 * The stem of a lowercased word. German: umlauts written as "ae/oe/ue" first, then the Snowball
 * German stemmer, which folds ä/ö/ü to a/o/u and ß to ss. English: the Snowball (Porter 2)
 * stemmer; accents are folded afterwards in both, so "café" and "cafe" meet.
 */
export function stem(word: string, language: Language): string {
  const stemmed =
    language === 'de' ? germanStemmer(transcribedUmlauts(word)) : englishStemmer(word);
  return foldAccents(stemmed);
}

/** Removes combining marks and writes ß as ss ("straße" → "strasse", "é" → "e"). */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}
