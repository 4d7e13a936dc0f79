import { TextAnalyser } from './analyse.js';
import { agglomerate } from './clusters.js';
import { CompoundSplitter } from './compounds.js';
import { checkedInput } from './input.js';
import { findNeighbours } from './neighbours.js';
import { resolveOptions } from './options.js';
import { buildReport, type AnalysedDocument } from './report.js';
import { labelStemCandidates, themeVector } from './themes.js';
import { COMPOUND_HEAD_SHARE, COMPOUND_MODIFIER_SHARE } from './compounds.js';
import type {
  SkippedContribution,
  SuggestionInput,
  SuggestionOptions,
  ThemeSuggestions,
} from './types.js';
import { buildCorpus } from './vectors.js';

/** Share of the cluster threshold below which a neighbour is not even kept as a candidate. */
const LINK_FLOOR_SHARE = 0.5;

/**
 * Suggests clusters, existing themes and duplicates for a plan's contributions: a local, pure and
 * deterministic computation (no network, no randomness, no clock), so the same input always gives
 * the same suggestions, whatever order the items come in. Every suggestion carries the shared
 * terms that caused it. Throws `ThemeSuggestionInputError` for malformed input.
 *
 * Steps: tokenise, drop stop words, stem (German or English, given or guessed per text), split
 * German compounds into parts the input also uses on their own, weigh terms by TF-IDF, find each
 * text's nearest neighbours through an inverted index, merge neighbours into clusters while their
 * centroids stay similar, and compare texts and clusters with the theme labels.
 */
export function suggestThemes(
  input: SuggestionInput,
  options: Partial<SuggestionOptions> = {},
): ThemeSuggestions {
  const resolved = resolveOptions(options);
  const { contributions, themes } = checkedInput(input);
  const analyser = new TextAnalyser(resolved.minTokenLength);

  const skipped: SkippedContribution[] = [];
  const documents: AnalysedDocument[] = [];
  for (const contribution of contributions) {
    if (contribution.text.trim() === '') {
      skipped.push({ contributionId: contribution.id, reason: 'empty' });
      continue;
    }
    const analysed = analyser.analyse(contribution.text, contribution.language);
    if (analysed.counts.size < resolved.minTerms) {
      skipped.push({ contributionId: contribution.id, reason: 'too-short' });
      continue;
    }
    documents.push({ id: contribution.id, ...analysed });
  }

  // Compound parts are recognised against every German stem written on its own, in the
  // contributions or in a theme label.
  const known = new Map<string, number>();
  const count = (term: string) => known.set(term, (known.get(term) ?? 0) + 1);
  for (const document of documents) {
    if (document.language === 'de') for (const term of document.counts.keys()) count(term);
  }
  for (const theme of themes) {
    for (const candidate of labelStemCandidates(theme, analyser)) {
      for (const term of [candidate.de, candidate.en]) {
        if (term !== null) analyser.noteForm(term, candidate.written);
      }
      if (candidate.de !== null) count(candidate.de);
    }
  }
  const splitter = new CompoundSplitter(known);
  const weighted = documents.map((document) =>
    document.language === 'de' ? withCompoundParts(document.counts, splitter) : document.counts,
  );

  const corpus = buildCorpus(weighted, resolved);
  const graph = findNeighbours(
    corpus,
    resolved.neighbours,
    Math.min(resolved.clusterThreshold * LINK_FLOOR_SHARE, resolved.duplicateThreshold),
    resolved.duplicateThreshold,
  );
  const clusters = agglomerate(corpus.vectors, graph, resolved.clusterThreshold);
  const themeVectors = themes.map((theme) => themeVector(theme, analyser, splitter, corpus));

  return buildReport({
    options: resolved,
    documents,
    corpus,
    clusters,
    graph,
    themes,
    themeVectors,
    analyser,
    skipped,
  });
}

/** The counts plus each compound's known parts (see `COMPOUND_HEAD_SHARE`). */
function withCompoundParts(
  counts: ReadonlyMap<string, number>,
  splitter: CompoundSplitter,
): Map<string, number> {
  const out = new Map(counts);
  const add = (term: string, amount: number) => out.set(term, (out.get(term) ?? 0) + amount);
  for (const [term, count] of counts) {
    const parts = splitter.split(term);
    if (parts?.head) add(parts.head, count * COMPOUND_HEAD_SHARE);
    if (parts?.modifier) add(parts.modifier, count * COMPOUND_MODIFIER_SHARE);
  }
  return out;
}
