// `pnpm bench`: runs each load scenario against our collab-server (SQLite) and the in-memory
// reference y-websocket server, each in its own child process, and compares them.
//
//   node --expose-gc tests/load/run-bench.mjs [--quick] [--rounds N] [--updates N] [--rate N]
//     [--clients N] [--warmup N] [--drain-ms N] [--servers reference,ours] [--scenario NAME]
//     [--cpu-prof] [--ours-env KEY=VALUE ...] [--json PATH]
//
// Environment: BENCH_UPDATES, BENCH_RATE, BENCH_CLIENTS, BENCH_ROUNDS override the defaults
// (flags win). Exit code 0 unless a server or the bench itself failed; targets are reported,
// not enforced.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killAllChildren } from './lib/children.mjs';
import { serverKinds } from './lib/servers.mjs';
import { round, summarize } from './lib/stats.mjs';
import { scenarios } from './scenarios/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    updates: { type: 'string' },
    rate: { type: 'string' },
    clients: { type: 'string' },
    warmup: { type: 'string' },
    'drain-ms': { type: 'string' },
    servers: { type: 'string', default: 'reference,ours' },
    scenario: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    // Extra environment for our server, e.g. COLLAB_COMPACT_AFTER_UPDATES=100000 (investigations).
    'ours-env': { type: 'string', multiple: true, default: [] },
    json: { type: 'string', default: join(here, 'results', 'latest.json') },
  },
});

/**
 * A positive integer from a flag or environment variable, or `fallback`.
 *
 * @param {string | undefined} flag
 * @param {string | undefined} env
 * @param {number} fallback
 * @param {string} name
 */
function intOption(flag, env, fallback, name) {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be an integer ≥ 0`);
  return value;
}

const env = process.env;
const rounds = Math.max(1, intOption(args.rounds, env.BENCH_ROUNDS, 1, 'rounds'));
const kinds = (args.servers ?? '').split(',').filter(Boolean);
for (const kind of kinds) {
  if (!(kind in serverKinds)) throw new Error(`unknown server "${kind}"`);
}
const selected = scenarios.filter((s) => !args.scenario || s.name === args.scenario);
if (selected.length === 0) throw new Error(`unknown scenario "${args.scenario}"`);
const profileDir = join(here, 'results', 'profiles');
/** @type {Record<string, string>} */
const oursEnv = {};
for (const pair of args['ours-env'] ?? []) {
  const at = pair.indexOf('=');
  if (at < 1) throw new Error(`--ours-env expects KEY=VALUE, got "${pair}"`);
  oursEnv[pair.slice(0, at)] = pair.slice(at + 1);
}

/** @param {string} line */
const log = (line) => console.log(line);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/**
 * @param {number} value
 * @param {number} [digits]
 */
const fmt = (value, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);

/**
 * Prints rows as an aligned text table.
 *
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 */
function printTable(header, rows) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  log(line(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) log(line(row));
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  loadavgAtStart: loadavg().map((v) => round(v, 2)),
  loadavgAtEnd: /** @type {number[]} */ ([]),
  commit: gitCommit(),
  argv: process.argv.slice(2),
  oursEnv,
  rounds,
  /** @type {any[]} */
  scenarios: [],
};
let failed = false;

for (const scenario of selected) {
  const base = scenario.defaults(args.quick);
  const options = {
    ...base,
    updates: intOption(args.updates, env.BENCH_UPDATES, base.updates, 'updates'),
    rate: Math.max(1, intOption(args.rate, env.BENCH_RATE, base.rate, 'rate')),
    clients: intOption(args.clients, env.BENCH_CLIENTS, base.clients, 'clients'),
    warmup: intOption(args.warmup, undefined, base.warmup, 'warmup'),
    drainMs: intOption(args['drain-ms'], undefined, base.drainMs, 'drain-ms'),
  };
  log(`\n=== ${scenario.name}: ${scenario.description}`);
  log(
    `    ${options.clients} clients, ${options.updates} updates at ${options.rate}/s, ` +
      `first ${options.warmup} excluded, ${rounds} round(s)`,
  );
  /** @type {any[]} */
  const runs = [];
  for (let r = 0; r < rounds; r += 1) {
    // Alternate the order between rounds so neither server always runs first.
    const order = r % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) {
      const nodeFlags = args['cpu-prof']
        ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, `${scenario.name}-${kind}-r${r + 1}`)}`]
        : [];
      log(`  round ${r + 1}: ${kind}`);
      /** @type {import('./lib/servers.mjs').RunningServer | null} */
      let server = null;
      try {
        server = await serverKinds[/** @type {keyof typeof serverKinds} */ (kind)]({
          repoRoot,
          nodeFlags,
          env: kind === 'ours' ? oursEnv : {},
        });
        const result = await scenario.run({ server, options, log });
        const crashed = !server.alive();
        if (crashed) {
          failed = true;
          log(`  !! ${server.label} died during the run:\n${server.outputTail()}`);
        }
        runs.push({ kind, label: server.label, round: r + 1, crashed, ...result });
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? error.message : String(error);
        log(`  !! ${kind} failed: ${message}`);
        if (server) log(server.outputTail());
        runs.push({ kind, round: r + 1, error: message });
      } finally {
        if (server) {
          const exit = await server.stop();
          if (exit.code !== 0 && exit.code !== null) log(`  (${kind} exited with ${exit.code})`);
        }
      }
    }
  }
  report.scenarios.push({ name: scenario.name, options, ...summarizeScenario(runs) });
}

/**
 * Per-run rows, pooled per-server summary, ratios and target check; prints them.
 *
 * @param {any[]} runs
 */
function summarizeScenario(runs) {
  const ok = runs.filter((run) => !run.error);
  log('');
  printTable(
    [
      'server',
      'round',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'samples',
      'undelivered',
      'RSS MB',
      'srv CPU %',
      'client CPU %',
      'persist mean ms',
      'first-arrival p99',
      'gen loop p99',
    ],
    ok.map((run) => [
      run.kind,
      run.round,
      fmt(run.latencyMs.p50, 2),
      fmt(run.latencyMs.p95, 2),
      fmt(run.latencyMs.p99, 2),
      fmt(run.latencyMs.max, 2),
      run.latencyMs.count,
      run.undelivered,
      fmt(run.server.rssMb),
      fmt(run.server.cpuPct),
      fmt(run.generator.cpuPct),
      fmt(run.server.metrics?.persist.meanMs ?? NaN, 3),
      fmt(run.firstArrivalMs.p99, 2),
      fmt(run.generator.eventLoopDelayP99Ms, 1),
    ]),
  );

  /** @type {Record<string, any>} */
  const perServer = {};
  for (const kind of kinds) {
    const mine = ok.filter((run) => run.kind === kind);
    if (mine.length === 0) continue;
    const mean = (/** @type {(run: any) => number} */ pick) =>
      round(mine.reduce((sum, run) => sum + pick(run), 0) / mine.length, 1);
    const latency = summarize(mine.flatMap((run) => run.latencies));
    perServer[kind] = {
      label: mine[0].label,
      runs: mine.length,
      latencyMs: Object.fromEntries(Object.entries(latency).map(([k, v]) => [k, round(v, 2)])),
      undelivered: mine.reduce((sum, run) => sum + run.undelivered, 0),
      expectedDeliveries: mine.reduce((sum, run) => sum + run.expectedDeliveries, 0),
      rssMb: mean((run) => run.server.rssMb),
      peakRssMb: mean((run) => run.server.peakRssMb),
      serverCpuPct: mean((run) => run.server.cpuPct),
      clientCpuPct: mean((run) => run.generator.cpuPct),
      generatorLoopDelayP99Ms: mean((run) => run.generator.eventLoopDelayP99Ms),
    };
  }
  log('');
  log('pooled over all rounds:');
  printTable(
    ['server', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'undelivered', 'RSS MB', 'client CPU %'],
    Object.entries(perServer).map(([kind, s]) => [
      `${kind}: ${s.label}`,
      fmt(s.latencyMs.p50, 2),
      fmt(s.latencyMs.p95, 2),
      fmt(s.latencyMs.p99, 2),
      fmt(s.latencyMs.max, 2),
      `${s.undelivered}/${s.expectedDeliveries}`,
      fmt(s.rssMb),
      fmt(s.clientCpuPct),
    ]),
  );

  const saturated = ok.filter(
    (run) => run.generator.cpuPct > 80 || run.generator.eventLoopDelayP99Ms > 20,
  );
  if (saturated.length > 0) {
    log(
      `WARNING: the load generator was near saturation in ${saturated.length} run(s) ` +
        '(client CPU > 80 % of a core or event-loop delay p99 > 20 ms); latencies include ' +
        'client-side queueing.',
    );
  } else {
    log('load generator not saturated (client CPU ≤ 80 % of a core, event-loop delay p99 ≤ 20 ms)');
  }
  for (const run of ok) {
    const closes = Object.entries(run.closedDuringRun);
    if (closes.length > 0) log(`NOTE: ${run.kind} round ${run.round} closed clients: ${closes}`);
    const errors = run.server.metrics?.errors ?? {};
    if (Object.keys(errors).length > 0) {
      log(`NOTE: ${run.kind} round ${run.round} server errors: ${JSON.stringify(errors)}`);
    }
  }

  /** @type {Record<string, number> | null} */
  let ratio = null;
  /** @type {boolean | null} */
  let targetHolds = null;
  if (perServer.ours && perServer.reference) {
    const o = perServer.ours.latencyMs;
    const ref = perServer.reference.latencyMs;
    ratio = {
      p50: round(o.p50 / ref.p50),
      p95: round(o.p95 / ref.p95),
      p99: round(o.p99 / ref.p99),
    };
    targetHolds = o.p99 <= ref.p99;
    log(`ratio ours/reference: p50 ${ratio.p50}x, p95 ${ratio.p95}x, p99 ${ratio.p99}x`);
    log(
      `target "our p99 ≤ reference p99": ${targetHolds ? 'HOLDS' : 'DOES NOT HOLD'} ` +
        `(${fmt(o.p99, 2)} ms vs ${fmt(ref.p99, 2)} ms)`,
    );
  }
  return {
    runs: runs.map(({ latencies: _latencies, ...rest }) => rest),
    perServer,
    ratio,
    targetHolds,
  };
}

report.loadavgAtEnd = loadavg().map((v) => round(v, 2));
mkdirSync(dirname(resolve(args.json ?? '')), { recursive: true });
writeFileSync(resolve(args.json ?? ''), `${JSON.stringify(report, null, 2)}\n`);
log(`\nresults written to ${args.json}`);
if (args['cpu-prof']) log(`server CPU profiles in ${profileDir}`);
killAllChildren();
process.exit(failed ? 1 : 0);
