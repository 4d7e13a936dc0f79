import { stem } from './language.js';

/**
 * How much one occurrence of a compound counts for its parts. The head names what the thing is
 * (a "Kinderspielplatz" is a "Spielplatz"), so it counts fully; the modifier only narrows it
 * down (it is for children), so it counts half.
 */
export const COMPOUND_HEAD_SHARE = 1;
export const COMPOUND_MODIFIER_SHARE = 0.5;

/** Shortest compound head or modifier recognised, in characters (after stemming). */
const MIN_PART = 4;

/** The parts of a German compound that the input also uses as words of their own. */
export interface CompoundParts {
  /** The last part, which names what the compound is ("Kinderspielplatz" → "spielplatz"). */
  head: string | null;
  /** The first part, stemmed ("Kinderspielplatz" → "kind", "Verkehrsberuhigung" → "verkehr"). */
  modifier: string | null;
}

/**
 * A compound is split only when its head is used in at least this many times as many texts as
 * the compound: then the compound is a rare variant of a common subject ("Kinderspielplatz" of
 * "Spielplatz"). A compound about as common as its head is a subject of its own ("Parkplatz" and
 * "Spielplatz" must not meet through "Platz").
 */
export const HEAD_FREQUENCY_RATIO = 2;

/**
 * Splits German compounds against the input's own vocabulary: a stem whose longest proper ending
 * is itself a stem used as a word somewhere in the input (see `HEAD_FREQUENCY_RATIO`) is split
 * there, and the beginning is kept too when its stem is such a word. No dictionary is needed and
 * nothing is invented: a part counts only if someone wrote it on its own (or a theme label has
 * it), so "Durchgangsverkehr" meets "Verkehr" but "Verkehr" is never split into "kehr" unless
 * "Kehr" was written. One level only: "Kinderspielplatz" yields "spielplatz", not also "platz".
 */
export class CompoundSplitter {
  private readonly cache = new Map<string, CompoundParts | null>();

  /**
   * @param known stems used as words of their own anywhere in the input → in how many texts
   *   (theme labels count as one text each).
   */
  constructor(private readonly known: ReadonlyMap<string, number>) {}

  /** The parts of a German stem, or null when it is not a rare compound of known words. */
  split(term: string): CompoundParts | null {
    const cached = this.cache.get(term);
    if (cached !== undefined) return cached;
    let parts: CompoundParts | null = null;
    const frequency = this.known.get(term) ?? 0;
    // The head starts after at least MIN_PART - 1 letters of modifier (a stem may have lost an
    // ending, so "kind" from "kinder" is allowed to be written "kinder" in the compound).
    for (let at = MIN_PART - 1; at <= term.length - MIN_PART; at += 1) {
      const head = term.slice(at);
      const headFrequency = this.known.get(head);
      if (headFrequency === undefined) continue;
      // The longest known ending decides; if it is too common relative to the compound, no split.
      if (headFrequency >= HEAD_FREQUENCY_RATIO * frequency) {
        const modifier = stem(term.slice(0, at), 'de');
        parts = {
          head,
          modifier: modifier.length >= MIN_PART - 1 && this.known.has(modifier) ? modifier : null,
        };
      }
      break;
    }
    this.cache.set(term, parts);
    return parts;
  }
}
