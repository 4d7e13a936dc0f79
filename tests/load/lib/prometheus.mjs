// Minimal reader for the Prometheus text format, enough for our /metrics.

/**
 * Samples of the metric family `name` (including `_bucket`, `_sum`, `_count` series).
 *
 * @param {string} text
 * @param {string} name
 * @returns {Array<{ series: string, labels: Record<string, string>, value: number }>}
 */
export function samples(text, name) {
  const result = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    /** @type {Record<string, string>} */
    const labels = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1]] = pair[2];
    }
    result.push({ series: match[1], labels, value: Number(match[3]) });
  }
  return result;
}

/**
 * Count, mean and bucket-bounded quantiles (upper bucket bound, in ms) of a seconds histogram.
 *
 * @param {string} text
 * @param {string} name
 */
export function histogramMs(text, name) {
  const all = samples(text, name);
  const count = all.find((s) => s.series === `${name}_count`)?.value ?? 0;
  const sum = all.find((s) => s.series === `${name}_sum`)?.value ?? 0;
  const buckets = all
    .filter((s) => s.series === `${name}_bucket`)
    .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), count: s.value }))
    .sort((a, b) => a.le - b.le);
  const quantile = (/** @type {number} */ q) => {
    const bucket = buckets.find((b) => b.count >= q * count);
    return bucket ? bucket.le * 1000 : NaN;
  };
  return {
    count,
    meanMs: count ? (sum / count) * 1000 : NaN,
    p50UpToMs: quantile(0.5),
    p99UpToMs: quantile(0.99),
    buckets: buckets.map((b) => ({
      leMs: Number.isFinite(b.le) ? b.le * 1000 : '+Inf',
      count: b.count,
    })),
  };
}

/**
 * Values of a counter family summed per value of `label` (e.g. errors per `kind`).
 *
 * @param {string} text
 * @param {string} name
 */
export function counterByLabel(text, name, label = 'kind') {
  /** @type {Record<string, number>} */
  const result = {};
  for (const sample of samples(text, name)) {
    if (sample.series !== name) continue;
    const key = sample.labels[label] ?? '';
    result[key] = (result[key] ?? 0) + sample.value;
  }
  return result;
}
