import { describe, expect, it } from 'vitest';
import { suggestThemes } from './index.js';
import { clusterPurity, prng, syntheticContributions } from './testing/index.js';

/** 2,000 synthetic contributions: enough for the index, the sweeps and the vocabulary cut. */
const corpus = syntheticContributions(2000);
const input = corpus.map(({ id, text }) => ({ id, text }));
const themes = [
  { id: 'traffic', label: 'Verkehr' },
  { id: 'play', label: 'Spielplätze' },
];

describe('suggestThemes at scale', () => {
  const result = suggestThemes({ contributions: input, themes });

  it('is independent of the input order', () => {
    const random = prng(99);
    const shuffled = [...input];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(suggestThemes({ contributions: shuffled, themes: [...themes].reverse() })).toEqual(
      result,
    );
  });

  it('finds the subjects the texts were written from', () => {
    const { clustered, purity } = clusterPurity(result, corpus);
    expect(clustered / input.length).toBeGreaterThan(0.9);
    expect(purity).toBeGreaterThan(0.8);
    // Twelve subjects (German), one mixed English group; no subject split into many clusters.
    const large = result.clusters.filter((c) => c.members.length >= 50);
    expect(large.length).toBeGreaterThanOrEqual(12);
    expect(large.length).toBeLessThanOrEqual(14);
  });

  it('finds the copied campaign letters as duplicates', () => {
    const letters = new Set(corpus.filter((c) => c.subject === 'letter').map((c) => c.id));
    const grouped = new Set(result.duplicates.groups.flatMap((g) => g.contributionIds));
    const found = [...letters].filter((id) => grouped.has(id)).length;
    expect(found / letters.size).toBeGreaterThan(0.95);
  });
});
