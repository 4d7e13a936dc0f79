import type { ExplainingTerm } from './types.js';

/** Turns term ids into what a person reads: the stem, its usual written form, its weight. */
export interface TermNamer {
  term(id: number): string;
  word(id: number): string;
}

/**
 * The terms two weighted term lists share, ranked by their part of the dot product (strongest
 * first, ties by stem), at most `limit`; each weight is that part, rounded.
 *
 * @param a term id → weight of the first side, iterated
 * @param b term id → weight of the other side, looked up
 */
export function sharedTerms(
  a: Iterable<[number, number]>,
  b: (id: number) => number,
  namer: TermNamer,
  limit: number,
): ExplainingTerm[] {
  const shared: Array<{ id: number; weight: number }> = [];
  for (const [id, weight] of a) {
    const other = b(id);
    if (other > 0 && weight > 0) shared.push({ id, weight: weight * other });
  }
  const named = shared.map(({ id, weight }) => ({ id, weight, term: namer.term(id) }));
  named.sort((x, y) => y.weight - x.weight || compare(x.term, y.term));
  return named.slice(0, limit).map(({ id, weight, term }) => ({
    term,
    word: namer.word(id),
    weight: roundScore(weight),
  }));
}

/** Scores in the output have four decimals: enough to rank, stable to read and compare. */
export function roundScore(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Code-unit order, independent of the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries of a sparse vector as [id, weight] pairs. */
export function* entriesOf(ids: Int32Array, weights: Float64Array): Iterable<[number, number]> {
  for (let k = 0; k < ids.length; k += 1) yield [ids[k]!, weights[k]!];
}
