import type { TextAnalyser } from './analyse.js';
import {
  COMPOUND_HEAD_SHARE,
  COMPOUND_MODIFIER_SHARE,
  type CompoundSplitter,
} from './compounds.js';
import { isStopword } from './language.js';
import type { ThemeLabel } from './types.js';
import { toVector, type Corpus, type SparseVector } from './vectors.js';

/**
 * The stems of a theme label as candidates for each word: the given language's, or both German
 * and English (a label like "Parks" says too little to guess its language).
 */
export function labelStemCandidates(
  theme: ThemeLabel,
  analyser: TextAnalyser,
): Array<{ de: string | null; en: string | null; written: string }> {
  const { lower, written } = analyser.words(theme.label);
  return lower.flatMap((word, i) =>
    isStopword(word)
      ? []
      : [
          {
            de: theme.language === 'en' ? null : analyser.stemOf(word, 'de'),
            en: theme.language === 'de' ? null : analyser.stemOf(word, 'en'),
            written: written[i]!,
          },
        ],
  );
}

/**
 * A theme label's TF-IDF vector over the contributions' vocabulary. For each word the stem the
 * contributions use most (lowest idf) is taken; a German compound also counts its parts, as in
 * the contributions. Words no contribution uses are left out: they cannot match.
 */
export function themeVector(
  theme: ThemeLabel,
  analyser: TextAnalyser,
  splitter: CompoundSplitter,
  corpus: Corpus,
): SparseVector {
  const counts = new Map<string, number>();
  const add = (term: string, amount: number) => counts.set(term, (counts.get(term) ?? 0) + amount);
  for (const { de, en } of labelStemCandidates(theme, analyser)) {
    const idOf = (term: string | null) => (term === null ? undefined : corpus.termIds.get(term));
    const deId = idOf(de);
    const enId = idOf(en);
    const useEnglish =
      enId !== undefined && (deId === undefined || corpus.idf[enId]! < corpus.idf[deId]!);
    if (useEnglish) {
      add(en!, 1);
      continue;
    }
    if (de === null) continue;
    add(de, 1);
    const parts = splitter.split(de);
    if (parts?.head) add(parts.head, COMPOUND_HEAD_SHARE);
    if (parts?.modifier) add(parts.modifier, COMPOUND_MODIFIER_SHARE);
  }
  return toVector(counts, corpus.termIds, corpus.idf);
}

/** Term id → the themes whose vectors have it, with their weights (for scoring many texts). */
export function themeIndex(vectors: readonly SparseVector[]): Map<number, Array<[number, number]>> {
  const index = new Map<number, Array<[number, number]>>();
  vectors.forEach((vector, theme) => {
    for (let k = 0; k < vector.ids.length; k += 1) {
      const id = vector.ids[k]!;
      let list = index.get(id);
      if (!list) {
        list = [];
        index.set(id, list);
      }
      list.push([theme, vector.weights[k]!]);
    }
  });
  return index;
}

/** Cosine similarity of a weighted term list (unit length) with every theme, via the index. */
export function themeScores(
  entries: Iterable<[number, number]>,
  index: ReadonlyMap<number, ReadonlyArray<[number, number]>>,
  themeCount: number,
): Float64Array {
  const scores = new Float64Array(themeCount);
  for (const [id, weight] of entries) {
    const list = index.get(id);
    if (!list) continue;
    for (const [theme, themeWeight] of list) scores[theme] = scores[theme]! + weight * themeWeight;
  }
  return scores;
}
