/**
 * Test and benchmark helpers (`@prozesswerkstatt/theme-suggestions/testing`): a deterministic
 * synthetic corpus and a cluster-quality measure. Not for product code.
 */
export {
  clusterPurity,
  prng,
  syntheticContributions,
  type SyntheticContribution,
} from './synthetic-corpus.js';
