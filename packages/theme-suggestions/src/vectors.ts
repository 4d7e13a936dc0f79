/**
 * TF-IDF over the analysed texts as sparse, L2-normalised vectors plus an inverted index.
 *
 * Own code rather than a library's: the maintained TF-IDF packages (e.g. `natural`'s TfIdf) keep
 * a dense term map per document and compare a query against every document, which is quadratic
 * for the all-pairs similarities needed here; typed arrays and an inverted index keep 10,000
 * contributions within seconds. The formula is the usual smooth one (as in scikit-learn):
 * weight = (1 + ln tf) · (ln((1 + N) / (1 + df)) + 1), then each vector scaled to length 1.
 */

/** A sparse vector: term ids ascending, weights beside them. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** The vocabulary, vectors and inverted index of one input. */
export interface Corpus {
  /** Term id → stem. */
  terms: string[];
  /** Stem → term id (only terms kept in the vocabulary). */
  termIds: Map<string, number>;
  /** Term id → inverse document frequency. */
  idf: Float64Array;
  /** Document index → its unit vector (may be empty when every term was cut). */
  vectors: SparseVector[];
  /** Inverted index over terms in ≥ 2 documents: postings of term t are [offsets[t], offsets[t+1]). */
  offsets: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Float64Array;
}

/** Vocabulary limits (see `SuggestionOptions`). */
export interface VocabularyLimits {
  maxDocumentShare: number;
  minDocumentsForShareCut: number;
  maxVocabulary: number;
}

/** Builds the corpus from each document's term counts (fractional counts allowed). */
export function buildCorpus(
  documents: readonly ReadonlyMap<string, number>[],
  limits: VocabularyLimits,
): Corpus {
  const n = documents.length;
  const df = new Map<string, number>();
  for (const counts of documents) {
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const maxDf =
    n >= limits.minDocumentsForShareCut ? Math.floor(limits.maxDocumentShare * n) : Infinity;
  const candidates = [...df].filter(([, count]) => count <= maxDf);
  // Most frequent first, then by term, so the cut at maxVocabulary and the ids are deterministic.
  candidates.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = candidates.slice(0, limits.maxVocabulary);
  const terms = kept.map(([term]) => term);
  const termIds = new Map(terms.map((term, id) => [term, id]));
  const idf = Float64Array.from(kept, ([, count]) => Math.log((1 + n) / (1 + count)) + 1);

  const vectors = documents.map((counts) => toVector(counts, termIds, idf));

  // Inverted index (CSR) over terms shared by at least two documents: only those can match.
  const v = terms.length;
  const offsets = new Int32Array(v + 1);
  for (let t = 0; t < v; t += 1) {
    const count = kept[t]![1];
    offsets[t + 1] = offsets[t]! + (count >= 2 ? count : 0);
  }
  const postingDocs = new Int32Array(offsets[v]!);
  const postingWeights = new Float64Array(offsets[v]!);
  const fill = offsets.slice(0, v);
  vectors.forEach((vector, doc) => {
    for (let k = 0; k < vector.ids.length; k += 1) {
      const t = vector.ids[k]!;
      if (kept[t]![1] < 2) continue;
      const at = fill[t]!;
      postingDocs[at] = doc;
      postingWeights[at] = vector.weights[k]!;
      fill[t] = at + 1;
    }
  });
  return { terms, termIds, idf, vectors, offsets, postingDocs, postingWeights };
}

/** The unit TF-IDF vector of term counts, over the corpus's vocabulary and idf. */
export function toVector(
  counts: ReadonlyMap<string, number>,
  termIds: ReadonlyMap<string, number>,
  idf: Float64Array,
): SparseVector {
  const entries: Array<[number, number]> = [];
  for (const [term, tf] of counts) {
    const id = termIds.get(term);
    if (id === undefined || tf <= 0) continue;
    // Sublinear tf: a word said five times is not five times as much about it. Compound parts
    // count 0.5 and stay positive (1 + ln 0.5 ≈ 0.31).
    entries.push([id, (1 + Math.log(tf)) * idf[id]!]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm);
  const ids = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  entries.forEach(([id, w], k) => {
    ids[k] = id;
    weights[k] = norm > 0 ? w / norm : 0;
  });
  return { ids, weights };
}

/** Dot product of two sparse vectors (merge over the sorted ids). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      sum += a.weights[i]! * b.weights[j]!;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
}
