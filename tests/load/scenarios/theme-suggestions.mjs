// Scenario: theme suggestions. No server: times `suggestThemes` (@prozesswerkstatt/theme-
// suggestions, compiled) in this process on a deterministic synthetic corpus of German and
// English contributions (its `testing` export), 1,000 and 10,000 items by default (`--docs`).
// Each sample is one full run (analysis, TF-IDF, neighbours, clusters, themes, duplicates) with
// three theme labels; wall time and this process's CPU time are recorded per sample (on the
// shared machine the wall time mostly measures the other tenants). One unmeasured warm-up run
// first, so the JIT is not billed to the first sample. Reports cluster purity against the
// subjects the texts were generated from, so a faster change that clusters worse shows.
import { loadavg } from 'node:os';
import { suggestThemes } from '@prozesswerkstatt/theme-suggestions';
import { clusterPurity, syntheticContributions } from '@prozesswerkstatt/theme-suggestions/testing';
import { LatencyRecorder, latencySummary, startWindow } from '../lib/measure.mjs';
import { round } from '../lib/stats.mjs';

const THEMES = [
  { id: 'traffic', label: 'Verkehr und Lärm' },
  { id: 'play', label: 'Spielplätze' },
  { id: 'cycling', label: 'Radverkehr' },
];

/** The size the issue sets a target for. */
const TARGET_SIZE = 10_000;
const TARGET_MS = 10_000;

/** @param {boolean} quick */
function defaults(quick) {
  return { docsList: quick ? [1000] : [1000, TARGET_SIZE], samples: quick ? 2 : 5 };
}

/** @param {ReturnType<typeof defaults>} options */
function variants(options) {
  return options.docsList.map((contributions) => ({
    label: `${contributions} contributions`,
    contributions,
    samples: options.samples,
  }));
}

/**
 * @param {object} context
 * @param {{ contributions: number, samples: number }} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ options, log }) {
  const corpus = syntheticContributions(options.contributions);
  const input = { contributions: corpus.map(({ id, text }) => ({ id, text })), themes: THEMES };
  suggestThemes({ contributions: input.contributions.slice(0, 500), themes: THEMES });
  const wall = new LatencyRecorder(options.samples);
  /** @type {number[]} */
  const cpu = [];
  let peakHeapMb = 0;
  /** @type {ReturnType<typeof suggestThemes> | null} */
  let result = null;
  const window = startWindow([]);
  for (let s = 0; s < options.samples; s += 1) {
    globalThis.gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    result = suggestThemes(input);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    wall.add(ms);
    cpu.push((used.user + used.system) / 1000);
    peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 2 ** 20);
    log(
      `    sample ${s + 1}: wall ${ms.toFixed(0)} ms, CPU ${cpu.at(-1)?.toFixed(0)} ms ` +
        `(load average ${loadavg()[0].toFixed(1)})`,
    );
  }
  const measured = window.stop();
  if (!result) throw new Error('no sample ran');
  const { clustered, purity } = clusterPurity(result, corpus);
  const rssMb = round(process.memoryUsage().rss / 2 ** 20, 1);
  return {
    label: 'suggestThemes (in-process)',
    latencies: wall.toArray(),
    latencyMs: latencySummary(wall.toArray()),
    cpuMs: latencySummary(cpu),
    expectedDeliveries: 0,
    received: 0,
    undelivered: 0,
    windowMs: measured.windowMs,
    loadavg1: measured.loadavg1,
    closedDuringRun: {},
    generator: measured.generator,
    server: { rssMb, peakRssMb: rssMb, cpuPct: NaN, cpuUsPerDelivery: NaN },
    contributions: options.contributions,
    clusters: result.clusters.length,
    clustered,
    purity: round(purity, 3),
    duplicatePairs: result.duplicates.pairs.length,
    duplicateGroups: result.duplicates.groups.length,
    // Not `skipped`: run-bench reads that as "this run was skipped".
    skippedTexts: result.skipped.length,
    peakHeapMb: round(peakHeapMb, 1),
  };
}

export default {
  name: 'theme-suggestions',
  description:
    'theme suggestions (TF-IDF, clusters, duplicates) for 1,000 and 10,000 contributions',
  ownServers: true,
  kinds: ['ours'],
  defaults,
  variants,
  run,
  /** @param {any} run */
  describeRun(run) {
    return (
      `${run.contributions} contributions: CPU p50/max ${run.cpuMs.p50}/${run.cpuMs.max} ms ` +
      `per run; ${run.clusters} clusters holding ${run.clustered} (purity ${run.purity}), ` +
      `${run.duplicatePairs} duplicate pairs in ${run.duplicateGroups} groups, ` +
      `${run.skippedTexts} texts skipped; heap ≤ ${run.peakHeapMb} MB, RSS ${run.server.rssMb} MB`
    );
  },
  /** @param {{ runs: any[] }} pooled */
  target({ runs }) {
    const size = runs[0]?.contributions ?? 0;
    const cpuMax = Math.max(...runs.map((r) => r.cpuMs.max));
    const wallP95 = Math.max(...runs.map((r) => r.latencyMs.p95));
    const limit = (TARGET_MS * size) / TARGET_SIZE;
    return {
      text:
        `${size} contributions in < ${(limit / 1000).toFixed(1)} s CPU per run ` +
        `(issue: 10,000 in < 10 s; ours CPU max ${cpuMax.toFixed(0)} ms, wall p95 ` +
        `${wallP95.toFixed(0)} ms at load average ${runs[0]?.loadavg1})`,
      holds: cpuMax < limit,
    };
  },
  /**
   * @param {any[]} variantReports
   * @param {(line: string) => void} log
   */
  conclude(variantReports, log) {
    log('\ntheme-suggestions by size (CPU ms per run, pooled):');
    /** @type {any} */
    let previous = null;
    const rows = [];
    for (const report of variantReports) {
      const runs = report.runs.filter((/** @type {any} */ r) => r.cpuMs);
      if (runs.length === 0) continue;
      const size = runs[0].contributions;
      const cpu = latencySummary(runs.flatMap((/** @type {any} */ r) => [r.cpuMs.p50]));
      const row = {
        size,
        cpuP50Ms: cpu.p50,
        wallP50Ms: report.perServer.ours?.latencyMs.p50 ?? NaN,
        msPer1000: round((cpu.p50 / size) * 1000, 1),
        growth: previous ? round(cpu.p50 / previous.cpuP50Ms / (size / previous.size), 2) : null,
        purity: runs[0].purity,
      };
      rows.push(row);
      log(
        `  ${String(size).padStart(6)}: CPU p50 ${row.cpuP50Ms} ms, wall p50 ${row.wallP50Ms} ms, ` +
          `${row.msPer1000} ms per 1,000, purity ${row.purity}` +
          (row.growth !== null ? `, cost growth vs linear ${row.growth}x` : ''),
      );
      previous = row;
    }
    return { bySize: rows };
  },
};
