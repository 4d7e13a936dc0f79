import type { AnalysedText, TextAnalyser } from './analyse.js';
import type { RawCluster } from './clusters.js';
import { compare, entriesOf, roundScore, sharedTerms, type TermNamer } from './explain.js';
import type { NeighbourGraph } from './neighbours.js';
import { themeIndex, themeScores } from './themes.js';
import {
  METHOD_NAME,
  type Cluster,
  type ContributionSuggestion,
  type DuplicateGroup,
  type DuplicatePair,
  type SkippedContribution,
  type SuggestionOptions,
  type ThemeLabel,
  type ThemeMatch,
  type ThemeSuggestions,
} from './types.js';
import type { Corpus, SparseVector } from './vectors.js';

/** Version of the method; bump when the same input would give different suggestions. */
export const METHOD_VERSION = 1;

/** An analysed contribution in id order (its index is its position in the corpus). */
export interface AnalysedDocument extends AnalysedText {
  id: string;
}

/** Everything the pipeline computed, to be turned into the public result. */
export interface ReportParts {
  options: SuggestionOptions;
  documents: readonly AnalysedDocument[];
  corpus: Corpus;
  clusters: readonly RawCluster[];
  graph: NeighbourGraph;
  themes: readonly ThemeLabel[];
  themeVectors: readonly SparseVector[];
  analyser: TextAnalyser;
  skipped: SkippedContribution[];
}

/** Builds the public `ThemeSuggestions` (ids instead of indices, words, rounded scores). */
export function buildReport(parts: ReportParts): ThemeSuggestions {
  const { options, documents, corpus, themes, themeVectors, analyser } = parts;
  const namer: TermNamer = {
    term: (id) => corpus.terms[id]!,
    word: (id) => analyser.wordOf(corpus.terms[id]!),
  };
  const index = themeIndex(themeVectors);
  const themeWeights = themeVectors.map((vector) => new Map(entriesOf(vector.ids, vector.weights)));

  /** Matches of a unit-length term list against every theme, best first. */
  const matchThemes = (entries: Array<[number, number]>, scale = 1): ThemeMatch[] => {
    const scores = themeScores(entries, index, themes.length);
    const matches: ThemeMatch[] = [];
    scores.forEach((score, theme) => {
      if (score * scale < options.themeThreshold) return;
      const weights = themeWeights[theme]!;
      matches.push({
        themeId: themes[theme]!.id,
        score: roundScore(score * scale),
        via: 'text',
        sharedTerms: sharedTerms(
          entries,
          (id) => weights.get(id) ?? 0,
          namer,
          options.explainTerms,
        ),
      });
    });
    return matches.sort(byScoreThenTheme).slice(0, options.maxThemesPerContribution);
  };

  const contributions: ContributionSuggestion[] = documents.map((document, doc) => ({
    contributionId: document.id,
    language: document.language,
    clusterId: null,
    themes: matchThemes([...entriesOf(corpus.vectors[doc]!.ids, corpus.vectors[doc]!.weights)]),
  }));

  const clusters: Cluster[] = [];
  for (const raw of parts.clusters) {
    if (raw.members.length < options.minClusterSize || raw.norm === 0) continue;
    const unit: Array<[number, number]> = [...raw.centroid].map(([id, w]) => [id, w / raw.norm]);
    const centroidOf = (id: number) => (raw.centroid.get(id) ?? 0) / raw.norm;
    const id = `cluster:${documents[raw.members[0]!]!.id}`;
    const terms = [...unit]
      .sort((x, y) => y[1] - x[1] || compare(namer.term(x[0]), namer.term(y[0])))
      .slice(0, options.labelTerms)
      .map(([term, weight]) => ({
        term: namer.term(term),
        word: namer.word(term),
        weight: roundScore(weight),
      }));
    const members = raw.members
      .map((doc) => {
        const vector = corpus.vectors[doc]!;
        const entries = [...entriesOf(vector.ids, vector.weights)];
        let score = 0;
        for (const [term, weight] of entries) score += weight * centroidOf(term);
        return {
          contributionId: documents[doc]!.id,
          score: roundScore(score),
          sharedTerms: sharedTerms(entries, centroidOf, namer, options.explainTerms),
          doc,
        };
      })
      .sort((x, y) => y.score - x.score || compare(x.contributionId, y.contributionId));
    const clusterThemes = matchThemes(unit);
    clusters.push({
      id,
      label: terms.map((term) => term.word).join(' · '),
      terms,
      members: members.map(({ doc: _doc, ...member }) => member),
      themes: clusterThemes,
    });
    // Members inherit the cluster's themes they do not match by their own words.
    for (const member of members) {
      const suggestion = contributions[member.doc]!;
      suggestion.clusterId = id;
      for (const match of clusterThemes) {
        if (suggestion.themes.some((own) => own.themeId === match.themeId)) continue;
        const score = roundScore(match.score * member.score);
        if (score < options.themeThreshold) continue;
        suggestion.themes.push({ ...match, score, via: 'cluster' });
      }
      suggestion.themes = suggestion.themes
        .sort(byScoreThenTheme)
        .slice(0, options.maxThemesPerContribution);
    }
  }
  clusters.sort((a, b) => b.members.length - a.members.length || compare(a.id, b.id));

  return {
    method: { name: METHOD_NAME, version: METHOD_VERSION, options },
    clusters,
    contributions,
    duplicates: duplicatesOf(parts.graph, documents, corpus, namer, options.explainTerms),
    skipped: parts.skipped,
  };
}

function byScoreThenTheme(a: ThemeMatch, b: ThemeMatch): number {
  return b.score - a.score || compare(a.themeId, b.themeId);
}

/** Duplicate pairs with their shared terms, and the groups all pairs connect into. */
function duplicatesOf(
  graph: NeighbourGraph,
  documents: readonly AnalysedDocument[],
  corpus: Corpus,
  namer: TermNamer,
  explainTerms: number,
): { pairs: DuplicatePair[]; groups: DuplicateGroup[] } {
  const pairs = [...graph.duplicates]
    .sort((x, y) => x.a - y.a || x.b - y.b)
    .map(({ a, b, similarity }) => {
      const va = corpus.vectors[a]!;
      const weightsB = new Map(entriesOf(corpus.vectors[b]!.ids, corpus.vectors[b]!.weights));
      return {
        a: documents[a]!.id,
        b: documents[b]!.id,
        score: roundScore(similarity),
        sharedTerms: sharedTerms(
          entriesOf(va.ids, va.weights),
          (id) => weightsB.get(id) ?? 0,
          namer,
          explainTerms,
        ),
      };
    });
  // A group is keyed by its lowest index (= lowest id); members come in index (= id) order.
  const members = new Map<number, number[]>();
  graph.duplicateGroup.forEach((root, doc) => {
    const list = members.get(root);
    if (list) list.push(doc);
    else members.set(root, [doc]);
  });
  const groups = [...members]
    .filter(([, docs]) => docs.length >= 2)
    .sort((x, y) => x[0] - y[0])
    .map(([root, docs]) => ({
      id: `duplicates:${documents[root]!.id}`,
      contributionIds: docs.map((doc) => documents[doc]!.id),
    }));
  return { pairs, groups };
}
