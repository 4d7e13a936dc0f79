import { describe, expect, it } from 'vitest';
import {
  ThemeSuggestionInputError,
  storedExplanation,
  suggestThemes,
  type ThemeSuggestions,
} from './index.js';
import { CONTRIBUTIONS, THEMES } from './test-fixtures/contributions.js';

const result = suggestThemes({ contributions: CONTRIBUTIONS, themes: THEMES });

const clusterOf = (suggestions: ThemeSuggestions, id: string) =>
  suggestions.contributions.find((c) => c.contributionId === id)?.clusterId ?? null;
const themesOf = (id: string) =>
  result.contributions.find((c) => c.contributionId === id)?.themes ?? [];

describe('suggestThemes on the German and English fixtures', () => {
  it('groups each subject and language into its own cluster', () => {
    const sets = result.clusters.map((c) => c.members.map((m) => m.contributionId).sort());
    expect(sets).toEqual([
      ['de-traffic-1', 'de-traffic-2', 'de-traffic-3', 'de-traffic-4'],
      ['de-play-1', 'de-play-2', 'de-play-4'],
      ['de-trees-1', 'de-trees-2', 'de-trees-3'],
      ['en-play-1', 'en-play-2', 'en-play-3'],
      ['en-trees-1', 'en-trees-2', 'en-trees-3'],
    ]);
    expect(result.clusters.map((c) => c.id)).toEqual([
      'cluster:de-traffic-1',
      'cluster:de-play-1',
      'cluster:de-trees-1',
      'cluster:en-play-1',
      'cluster:en-trees-1',
    ]);
  });

  it('labels clusters with their top terms as written', () => {
    const labels = Object.fromEntries(result.clusters.map((c) => [c.id, c.label.split(' · ')]));
    expect(labels['cluster:de-traffic-1']).toContain('Verkehr');
    expect(labels['cluster:de-play-1']).toContain('Spielplatz');
    expect(labels['cluster:de-trees-1']).toEqual(['Bäume', 'Sommer', 'Schatten']);
    expect(labels['cluster:en-play-1']).toEqual(['children', 'playground', 'swings']);
    for (const cluster of result.clusters) {
      expect(cluster.terms).toHaveLength(3);
      expect(cluster.label).toBe(cluster.terms.map((t) => t.word).join(' · '));
      // Members come most typical first.
      const scores = cluster.members.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('suggests the matching existing theme first for every German and English item', () => {
    const best = (id: string) => themesOf(id)[0]?.themeId;
    for (const id of ['de-play-1', 'de-play-2', 'de-play-3', 'de-play-4']) {
      expect(best(id)).toBe('theme-play');
    }
    for (const id of ['de-traffic-1', 'de-traffic-2', 'de-traffic-3', 'de-traffic-4']) {
      expect(best(id)).toBe('theme-traffic');
    }
    for (const id of ['de-trees-1', 'de-trees-2', 'de-trees-3'])
      expect(best(id)).toBe('theme-green');
    for (const id of ['en-trees-1', 'en-trees-2', 'en-trees-3']) {
      expect(best(id)).toBe('theme-parks-en');
    }
    // No translation: the English playground texts do not match the German label.
    expect(themesOf('en-play-1')).toEqual([]);
  });

  it('explains each match with the shared terms, compounds and spellings included', () => {
    // "Kinderspielplatz" only: the compound's head meets the label "Spielplätze".
    const play3 = themesOf('de-play-3')[0]!;
    expect(play3.via).toBe('text');
    expect(play3.sharedTerms).toEqual([
      { term: 'spielplatz', word: 'Spielplatz', weight: play3.score },
    ]);
    // "Durchgangsverkehr" only (plus "Autos", "schnell"): meets "Verkehr".
    expect(themesOf('de-traffic-1')[0]!.sharedTerms.map((t) => t.term)).toEqual(['verkehr']);
    // "Straßenbäume" and "Baeume" meet "Bäume".
    expect(themesOf('de-trees-2')[0]!.sharedTerms.map((t) => t.word)).toEqual(['Bäume']);
    // Two shared terms, strongest first, weights summing to the score.
    const traffic3 = themesOf('de-traffic-3')[0]!;
    expect(traffic3.sharedTerms.map((t) => t.term).sort()).toEqual(['larm', 'verkehr']);
    const sum = traffic3.sharedTerms.reduce((total, t) => total + t.weight, 0);
    expect(sum).toBeCloseTo(traffic3.score, 3);
    // Cluster members name what they share with the cluster.
    const play = result.clusters.find((c) => c.id === 'cluster:de-play-1')!;
    for (const member of play.members) {
      expect(member.sharedTerms.map((t) => t.word)).toEqual(
        expect.arrayContaining(['Schaukeln', 'Kinder', 'Spielplatz']),
      );
    }
  });

  it('passes a cluster theme to members whose own words miss it, marked as such', () => {
    const inherited = themesOf('de-trees-2').find((t) => t.themeId === 'theme-parks-en')!;
    expect(inherited.via).toBe('cluster');
    const cluster = result.clusters.find((c) => c.id === 'cluster:de-trees-1')!;
    const clusterMatch = cluster.themes.find((t) => t.themeId === 'theme-parks-en')!;
    expect(inherited.sharedTerms).toEqual(clusterMatch.sharedTerms);
    const member = cluster.members.find((m) => m.contributionId === 'de-trees-2')!;
    expect(inherited.score).toBeCloseTo(clusterMatch.score * member.score, 3);
    for (const suggestion of result.contributions) {
      for (const match of suggestion.themes.filter((t) => t.via === 'cluster')) {
        const own = result.clusters.find((c) => c.id === suggestion.clusterId);
        expect(own?.themes.map((t) => t.themeId)).toContain(match.themeId);
      }
    }
  });

  it('finds the copied letter as a duplicate pair and group, with the shared words', () => {
    expect(result.duplicates.pairs).toHaveLength(1);
    const pair = result.duplicates.pairs[0]!;
    expect([pair.a, pair.b]).toEqual(['letter-1', 'letter-2']);
    expect(pair.score).toBeGreaterThanOrEqual(0.99);
    expect(pair.sharedTerms.map((t) => t.word)).toEqual(
      expect.arrayContaining(['Abgasen', 'Schönhauser']),
    );
    expect(result.duplicates.groups).toEqual([
      { id: 'duplicates:letter-1', contributionIds: ['letter-1', 'letter-2'] },
    ]);
  });

  it('skips empty and too short texts and says why', () => {
    expect(result.skipped).toEqual([
      { contributionId: 'empty-1', reason: 'empty' },
      { contributionId: 'empty-2', reason: 'empty' },
      { contributionId: 'short-1', reason: 'too-short' },
    ]);
    expect(result.contributions.map((c) => c.contributionId)).not.toContain('short-1');
    expect(result.contributions).toHaveLength(CONTRIBUTIONS.length - 3);
  });

  it('records the language used, given or guessed', () => {
    const language = (id: string) =>
      result.contributions.find((c) => c.contributionId === id)?.language;
    expect(language('en-play-1')).toBe('en'); // given
    expect(language('en-trees-2')).toBe('en'); // guessed
    expect(language('de-play-3')).toBe('de');
  });

  it('records the method and the options used', () => {
    expect(result.method.name).toBe('tfidf-centroid-clustering');
    expect(result.method.version).toBe(1);
    expect(result.method.options.clusterThreshold).toBe(0.25);
  });
});

describe('determinism', () => {
  it('gives the same result whatever the input order', () => {
    const reversed = suggestThemes({
      contributions: [...CONTRIBUTIONS].reverse(),
      themes: [...THEMES].reverse(),
    });
    const rotated = suggestThemes({
      contributions: [...CONTRIBUTIONS.slice(7), ...CONTRIBUTIONS.slice(0, 7)],
      themes: [...THEMES.slice(2), ...THEMES.slice(0, 2)],
    });
    expect(reversed).toEqual(result);
    expect(rotated).toEqual(result);
  });

  it('keeps clusters and duplicates without a theme tree', () => {
    const bare = suggestThemes({ contributions: CONTRIBUTIONS });
    expect(bare.clusters.map((c) => c.members)).toEqual(result.clusters.map((c) => c.members));
    expect(bare.duplicates).toEqual(result.duplicates);
    expect(bare.contributions.every((c) => c.themes.length === 0)).toBe(true);
    expect(clusterOf(bare, 'de-play-1')).toBe('cluster:de-play-1');
  });

  it('clusters less with a stricter threshold', () => {
    const strict = suggestThemes({ contributions: CONTRIBUTIONS }, { clusterThreshold: 0.9 });
    expect(strict.clusters).toEqual([]);
    expect(strict.method.options.clusterThreshold).toBe(0.9);
  });
});

describe('bad input', () => {
  it('names an id used twice', () => {
    const call = () =>
      suggestThemes({
        contributions: [
          { id: 'a', text: 'Spielplatz' },
          { id: 'a', text: 'Verkehr' },
        ],
      });
    expect(call).toThrow(ThemeSuggestionInputError);
    expect(call).toThrow('contributions[1].id: "a" is already used by contributions[0]');
  });

  it('names a missing id, a text that is not a string and an unknown language', () => {
    const bad = (contributions: unknown, themes?: unknown) => () =>
      suggestThemes({ contributions, themes } as never);
    expect(bad([{ id: '', text: 'x' }])).toThrow(
      'contributions[0].id: expected a non-empty string',
    );
    expect(bad([{ id: 'a', text: 3 }])).toThrow('contributions[0].text: expected a string');
    expect(bad([{ id: 'a', text: 'x', language: 'fr' }])).toThrow('contributions[0].language');
    expect(bad([], [{ id: 't', label: null }])).toThrow('themes[0].label: expected a string');
    expect(bad('nope')).toThrow('contributions: expected an array');
  });

  it('refuses options out of range', () => {
    expect(() => suggestThemes({ contributions: [] }, { clusterThreshold: 2 })).toThrow(
      'options.clusterThreshold: expected a number from 0.01 to 1',
    );
    expect(() => suggestThemes({ contributions: [] }, { neighbours: 2.5 })).toThrow(
      'options.neighbours: expected an integer',
    );
  });

  it('answers an empty input with empty suggestions', () => {
    const empty = suggestThemes({ contributions: [], themes: THEMES });
    expect(empty.clusters).toEqual([]);
    expect(empty.contributions).toEqual([]);
    expect(empty.duplicates).toEqual({ pairs: [], groups: [] });
  });
});

describe('storedExplanation', () => {
  it('writes the method, score, route and shared words as JSON', () => {
    const match = themesOf('de-traffic-3')[0]!;
    const stored = JSON.parse(storedExplanation(match, result.method));
    expect(stored).toEqual({
      method: 'tfidf-centroid-clustering@1',
      score: match.score,
      via: 'text',
      words: match.sharedTerms.map((t) => t.word),
      terms: match.sharedTerms.map((t) => t.term),
    });
    expect(stored.words.sort()).toEqual(['Lärm', 'Verkehr']);
  });
});
