/** The languages the analysis knows: each has a stemmer and a stop-word list. */
export type Language = 'de' | 'en';

/** One contribution to analyse (a statement, an idea, a workshop card, a part of a letter). */
export interface ContributionText {
  /** Stable id (the storage row's id); every output refers to contributions by it. */
  id: string;
  /** The text as written; may be empty (then it is reported as skipped). */
  text: string;
  /** Language if known (e.g. from the import); otherwise guessed from stop words, German on a tie. */
  language?: Language;
}

/** One node of the plan's theme tree; only the label is used for matching. */
export interface ThemeLabel {
  /** Stable id of the theme. */
  id: string;
  /** The theme's name as shown, e.g. "Spielplätze und Grünflächen". */
  label: string;
  /** Language of the label if known; otherwise guessed like a contribution's. */
  language?: Language;
}

/** What `suggestThemes` analyses. Order does not matter: everything is sorted by id first. */
export interface SuggestionInput {
  contributions: readonly ContributionText[];
  /** The plan's existing themes; without them only clusters and duplicates are suggested. */
  themes?: readonly ThemeLabel[];
}

/** A term that explains a suggestion: the stem that matched and a word a person recognises. */
export interface ExplainingTerm {
  /** The normalised stem the method compares, e.g. "spielplatz" (for logs and tests). */
  term: string;
  /** The most frequent written form of the stem in the input, e.g. "Spielplatz". */
  word: string;
  /** How much this term contributed to the score (its part of the dot product), 0…1. */
  weight: number;
}

/** A suggested existing theme for a contribution or a cluster. */
export interface ThemeMatch {
  themeId: string;
  /** Cosine similarity of the TF-IDF vectors (for `via: 'cluster'`, see there), 0…1. */
  score: number;
  /**
   * `text`: the contribution's own words share the terms with the theme's label. `cluster`: the
   * contribution has no such words, but the cluster it belongs to does; the score is the
   * cluster's match times the contribution's similarity to its cluster.
   */
  via: 'text' | 'cluster';
  /** The shared terms, strongest first: what a person checks before accepting. */
  sharedTerms: ExplainingTerm[];
}

/** A member of a cluster. */
export interface ClusterMember {
  contributionId: string;
  /** Cosine similarity to the cluster's centroid, 0…1 (the first member is the most typical). */
  score: number;
  /** The member's terms shared with the cluster's centroid, strongest first. */
  sharedTerms: ExplainingTerm[];
}

/** A group of contributions about the same thing, a candidate for a new or an existing theme. */
export interface Cluster {
  /** `cluster:` + the smallest member id: stable while that member stays in the cluster. */
  id: string;
  /** Proposed theme name: the top terms' words joined with " · ". */
  label: string;
  /** The centroid's strongest terms (the label's source), strongest first. */
  terms: ExplainingTerm[];
  /** Members, most typical first (ties by id). */
  members: ClusterMember[];
  /** Existing themes matching the cluster as a whole, best first. */
  themes: ThemeMatch[];
}

/** Per-contribution suggestions. */
export interface ContributionSuggestion {
  contributionId: string;
  /** The language used for stemming (given or guessed). */
  language: Language;
  /** The cluster it belongs to, or null. */
  clusterId: string | null;
  /** Suggested existing themes, best first (at most `maxThemesPerContribution`). */
  themes: ThemeMatch[];
}

/**
 * Two contributions that say nearly the same. Listed when one is among the other's `neighbours`
 * nearest, so a letter sent 5,000 times gives at most 5,000 · `neighbours` pairs; the groups
 * still connect every pair at or above the threshold.
 */
export interface DuplicatePair {
  /** The smaller id of the two. */
  a: string;
  b: string;
  /** Cosine similarity, ≥ `duplicateThreshold`. */
  score: number;
  sharedTerms: ExplainingTerm[];
}

/** Contributions connected by duplicate pairs (all of them, listed or not), answered once. */
export interface DuplicateGroup {
  /** `duplicates:` + the smallest member id. */
  id: string;
  /** Member ids, sorted. */
  contributionIds: string[];
}

/** Why a contribution got no suggestions. */
export interface SkippedContribution {
  contributionId: string;
  /** `empty`: no text; `too-short`: fewer than `minTerms` distinct content terms. */
  reason: 'empty' | 'too-short';
}

/** Everything `suggestThemes` proposes; nothing of it is a decision until a person accepts it. */
export interface ThemeSuggestions {
  /** Method name and version plus the options used, to store beside accepted suggestions. */
  method: { name: typeof METHOD_NAME; version: number; options: SuggestionOptions };
  /** Clusters of at least `minClusterSize` members, largest first (ties by id). */
  clusters: Cluster[];
  /** One entry per analysed (not skipped) contribution, sorted by id. */
  contributions: ContributionSuggestion[];
  duplicates: { pairs: DuplicatePair[]; groups: DuplicateGroup[] };
  /** Contributions that were not analysed, sorted by id. */
  skipped: SkippedContribution[];
}

/** Name of the method in `ThemeSuggestions.method`. */
export const METHOD_NAME = 'tfidf-centroid-clustering';

/** Tuning knobs; every field has a default in `DEFAULT_OPTIONS`. */
export interface SuggestionOptions {
  /**
   * Fewest distinct content terms (after stop words) a text needs to be analysed. Default 2:
   * "Mehr Bäume!" alone has one and says too little to cluster on.
   */
  minTerms: number;
  /** Shortest token kept, in characters. Default 3 (drops "zu", "km"; keeps "bus"). */
  minTokenLength: number;
  /**
   * Terms in more than this share of the contributions are dropped (they tell nothing apart),
   * applied only from `minDocumentsForShareCut` contributions on. Default 0.5.
   */
  maxDocumentShare: number;
  /** See `maxDocumentShare`. Default 20: in a smaller set a share is noise. */
  minDocumentsForShareCut: number;
  /**
   * Vocabulary limit: only the this many terms with the highest document frequency count
   * (bounds memory and time on very large inputs). Default 50,000.
   */
  maxVocabulary: number;
  /** Pairs at or above this cosine similarity are duplicates. Default 0.75. */
  duplicateThreshold: number;
  /** Neighbours kept per contribution for clustering. Default 10. */
  neighbours: number;
  /**
   * Two clusters merge while their centroids' cosine similarity is at least this. Default 0.25.
   * Lower: fewer, broader clusters.
   */
  clusterThreshold: number;
  /** Smallest cluster reported. Default 3. */
  minClusterSize: number;
  /** Terms in a cluster's label. Default 3. */
  labelTerms: number;
  /** Least cosine similarity for a theme suggestion. Default 0.1. */
  themeThreshold: number;
  /** Most theme suggestions per contribution. Default 3. */
  maxThemesPerContribution: number;
  /** Most explaining terms per suggestion. Default 5. */
  explainTerms: number;
}
