import type { Corpus } from './vectors.js';

/** Each document's most similar documents, plus every pair above the duplicate threshold. */
export interface NeighbourGraph {
  /** Neighbours per document: indices at [doc * k, doc * k + count[doc]), most similar first. */
  k: number;
  count: Int32Array;
  neighbour: Int32Array;
  similarity: Float64Array;
  /**
   * Duplicate pairs (a < b, similarity ≥ the threshold) where one is among the other's `k`
   * nearest: bounded by N · k even when a letter was sent thousands of times.
   */
  duplicates: Array<{ a: number; b: number; similarity: number }>;
  /**
   * Per document, the lowest index of its duplicate group (connected by every pair ≥ the
   * threshold, not only the listed ones); the document itself when it has no duplicate.
   */
  duplicateGroup: Int32Array;
}

/**
 * All pairwise cosine similarities that are not zero, found through the inverted index: for each
 * document only the documents sharing a term are touched, and each pair once (postings are in
 * document order, so a per-term cursor skips everything at or before the current document).
 * Work is the sum over terms of df² / 2 instead of N² / 2 full comparisons.
 *
 * Keeps, per document, the `k` most similar with similarity ≥ `linkFloor` (ties: lower index),
 * and joins every pair ≥ `duplicateThreshold` into duplicate groups (`linkFloor` must not exceed
 * `duplicateThreshold`, so listed duplicates are among the neighbours).
 */
export function findNeighbours(
  corpus: Corpus,
  k: number,
  linkFloor: number,
  duplicateThreshold: number,
): NeighbourGraph {
  const n = corpus.vectors.length;
  const { offsets, postingDocs, postingWeights } = corpus;
  const count = new Int32Array(n);
  const neighbour = new Int32Array(n * k);
  const similarity = new Float64Array(n * k);
  const group = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (group[i] !== i) {
      group[i] = group[group[i]!]!;
      i = group[i]!;
    }
    return i;
  };
  const cursor = offsets.slice(0, offsets.length - 1);
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);

  for (let i = 0; i < n; i += 1) {
    const vector = corpus.vectors[i]!;
    let touchedCount = 0;
    for (let x = 0; x < vector.ids.length; x += 1) {
      const t = vector.ids[x]!;
      const end = offsets[t + 1]!;
      let at = cursor[t]!;
      if (at >= end) continue; // not indexed (df 1)
      // Postings hold i itself at the cursor (documents are visited in order).
      at += 1;
      cursor[t] = at;
      const w = vector.weights[x]!;
      for (; at < end; at += 1) {
        const j = postingDocs[at]!;
        if (scores[j] === 0) {
          touched[touchedCount] = j;
          touchedCount += 1;
        }
        scores[j] = scores[j]! + w * postingWeights[at]!;
      }
    }
    for (let y = 0; y < touchedCount; y += 1) {
      const j = touched[y]!;
      const s = Math.min(1, scores[j]!);
      scores[j] = 0;
      if (s >= duplicateThreshold) {
        const ri = root(i);
        const rj = root(j);
        if (ri < rj) group[rj] = ri;
        else if (rj < ri) group[ri] = rj;
      }
      if (s >= linkFloor) {
        offer(i, j, s);
        offer(j, i, s);
      }
    }
  }
  const duplicates: NeighbourGraph['duplicates'] = [];
  for (let i = 0; i < n; i += 1) {
    group[i] = root(i);
    for (let x = 0; x < count[i]!; x += 1) {
      const j = neighbour[i * k + x]!;
      const s = similarity[i * k + x]!;
      if (s < duplicateThreshold) break; // the list is sorted
      // Each pair once: from the lower index, or from the higher when the lower lacks it.
      if (i < j || !listed(j, i)) {
        duplicates.push({ a: Math.min(i, j), b: Math.max(i, j), similarity: s });
      }
    }
  }
  return { k, count, neighbour, similarity, duplicates, duplicateGroup: group };

  function listed(doc: number, other: number): boolean {
    for (let x = 0; x < count[doc]!; x += 1) if (neighbour[doc * k + x] === other) return true;
    return false;
  }

  /** Inserts `other` into `doc`'s sorted top-k list if it ranks (similarity desc, index asc). */
  function offer(doc: number, other: number, s: number): void {
    const base = doc * k;
    let size = count[doc]!;
    if (size === k) {
      const worst = similarity[base + k - 1]!;
      if (s < worst || (s === worst && other > neighbour[base + k - 1]!)) return;
      size -= 1;
    } else {
      count[doc] = size + 1;
    }
    let at = base + size;
    while (at > base) {
      const prev = similarity[at - 1]!;
      if (prev > s || (prev === s && neighbour[at - 1]! < other)) break;
      similarity[at] = prev;
      neighbour[at] = neighbour[at - 1]!;
      at -= 1;
    }
    similarity[at] = s;
    neighbour[at] = other;
  }
}
