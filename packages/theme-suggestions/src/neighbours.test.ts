import { describe, expect, it } from 'vitest';
import { findNeighbours } from './neighbours.js';
import { prng } from './testing/index.js';
import { buildCorpus, dot } from './vectors.js';

/** A random corpus over a small vocabulary, so many pairs share terms. */
function randomDocuments(count: number, seed: number): Map<string, number>[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const counts = new Map<string, number>();
    const length = 2 + Math.floor(random() * 10);
    for (let i = 0; i < length; i += 1) {
      const term = `t${Math.floor(random() * random() * 60)}`;
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return counts;
  });
}

describe('findNeighbours', () => {
  it('agrees with comparing every pair', () => {
    for (const seed of [1, 2, 3]) {
      const corpus = buildCorpus(randomDocuments(150, seed), {
        maxDocumentShare: 1,
        minDocumentsForShareCut: 1,
        maxVocabulary: 1000,
      });
      const k = 5;
      const graph = findNeighbours(corpus, k, 0.1, 0.6);
      const n = corpus.vectors.length;
      const tops: Array<Array<{ j: number; s: number }>> = [];
      const duplicateEdges: Array<[number, number]> = [];
      for (let i = 0; i < n; i += 1) {
        const all: Array<{ j: number; s: number }> = [];
        for (let j = 0; j < n; j += 1) {
          if (j === i) continue;
          const s = Math.min(1, dot(corpus.vectors[i]!, corpus.vectors[j]!));
          if (s >= 0.1) all.push({ j, s });
          if (j > i && s >= 0.6) duplicateEdges.push([i, j]);
        }
        all.sort((x, y) => y.s - x.s || x.j - y.j);
        const top = all.slice(0, k);
        tops.push(top);
        const got = Array.from({ length: graph.count[i]! }, (_, x) => ({
          j: graph.neighbour[i * k + x]!,
          s: graph.similarity[i * k + x]!,
        }));
        expect(got.map((g) => g.j)).toEqual(top.map((t) => t.j));
        got.forEach((g, x) => expect(g.s).toBeCloseTo(top[x]!.s, 10));
      }
      // Listed pairs: those ≥ 0.6 where one is among the other's top k.
      const listed = new Set<string>();
      tops.forEach((top, i) => {
        for (const { j, s } of top) {
          if (s >= 0.6) listed.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
        }
      });
      expect(graph.duplicates.map((d) => `${d.a}-${d.b}`).sort()).toEqual([...listed].sort());
      // Groups: connected components of every pair ≥ 0.6, keyed by their lowest index.
      const component = Array.from({ length: n }, (_, i) => i);
      const find = (i: number): number => (component[i] === i ? i : find(component[i]!));
      for (const [a, b] of duplicateEdges) {
        const [ra, rb] = [find(a), find(b)];
        component[Math.max(ra, rb)] = Math.min(ra, rb);
      }
      expect(Array.from(graph.duplicateGroup)).toEqual(component.map((_, i) => find(i)));
      expect(duplicateEdges.length).toBeGreaterThan(0);
    }
  });

  it('bounds the listed duplicate pairs when one letter is sent many times', () => {
    const letter = new Map([
      ['tempo', 1],
      ['abgas', 1],
      ['allee', 1],
    ]);
    const other = new Map([
      ['baum', 1],
      ['schatten', 1],
    ]);
    const documents = [...Array.from({ length: 300 }, () => letter), other, other];
    const corpus = buildCorpus(documents, {
      maxDocumentShare: 1,
      minDocumentsForShareCut: 1,
      maxVocabulary: 100,
    });
    const graph = findNeighbours(corpus, 4, 0.1, 0.75);
    expect(graph.duplicates.length).toBeLessThanOrEqual(300 * 4);
    expect(new Set(Array.from(graph.duplicateGroup).slice(0, 300))).toEqual(new Set([0]));
    expect(Array.from(graph.duplicateGroup).slice(300)).toEqual([300, 300]);
  });
});

describe('buildCorpus', () => {
  it('makes unit vectors and drops terms in more than the allowed share of documents', () => {
    const docs = [
      new Map([
        ['common', 1],
        ['a', 2],
      ]),
      new Map([
        ['common', 1],
        ['b', 1],
      ]),
      new Map([
        ['common', 1],
        ['a', 1],
      ]),
    ];
    const corpus = buildCorpus(docs, {
      maxDocumentShare: 0.7,
      minDocumentsForShareCut: 2,
      maxVocabulary: 10,
    });
    expect(corpus.termIds.has('common')).toBe(false);
    expect([...corpus.termIds.keys()].sort()).toEqual(['a', 'b']);
    for (const vector of corpus.vectors) {
      expect(dot(vector, vector)).toBeCloseTo(1, 10);
    }
  });
});
