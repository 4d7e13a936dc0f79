// `pnpm bench`: runs each load scenario against our collab-server (SQLite) and the in-memory
// reference y-websocket server, each in its own child process, and compares them.
//
//   node --expose-gc tests/load/run-bench.mjs [--quick] [--rounds N] [--updates N] [--rate N]
//     [--clients N[,N]] [--warmup N] [--drain-ms N] [--duration S] [--docs N,N,...] [--generators K]
//     [--servers reference,ours,hocuspocus] [--scenario NAME[,NAME]] [--cpu-prof]
//     [--ours-env KEY=VALUE ...] [--json PATH]
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
import { latencySummary } from './lib/measure.mjs';
import { round } from './lib/stats.mjs';
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
    // One number, or a comma list where a scenario has variants (fan-out: 50,500).
    clients: { type: 'string' },
    warmup: { type: 'string' },
    'drain-ms': { type: 'string' },
    // Seconds of measured load per run (many-documents, presence, redis).
    duration: { type: 'string' },
    // Document counts of the many-documents steps, e.g. 100,250,500.
    docs: { type: 'string' },
    // many-documents: spread the clients over K load-generator processes.
    generators: { type: 'string' },
    servers: { type: 'string' },
    // One scenario name or a comma list; default all.
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

/**
 * A comma list of positive integers, or `fallback`.
 *
 * @param {string | undefined} raw
 * @param {number[]} fallback
 * @param {string} name
 */
function listOption(raw, fallback, name) {
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${name} must be a comma list of positive integers`);
  }
  return values;
}

const env = process.env;
const rounds = Math.max(1, intOption(args.rounds, env.BENCH_ROUNDS, 1, 'rounds'));
const serverFilter = args.servers ? args.servers.split(',').filter(Boolean) : null;
for (const kind of serverFilter ?? []) {
  if (!(kind in serverKinds)) throw new Error(`unknown server "${kind}"`);
}
const wanted = args.scenario ? args.scenario.split(',').filter(Boolean) : null;
for (const name of wanted ?? []) {
  if (!scenarios.some((s) => s.name === name)) {
    throw new Error(`unknown scenario "${name}" (known: ${scenarios.map((s) => s.name)})`);
  }
}
// Scenarios marked `manual` (e.g. idle-rss with thousands of documents) run only when named.
const selected = scenarios.filter((s) =>
  wanted ? wanted.includes(s.name) : !s.manual || args.quick,
);
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

/**
 * The scenario's options: its defaults, overridden by those flags that name one of them.
 *
 * @param {any} scenario
 */
function scenarioOptions(scenario) {
  const base = scenario.defaults(args.quick);
  /** @type {Record<string, any>} */
  const options = { ...base };
  const scalar = /** @type {const} */ ([
    ['updates', args.updates, env.BENCH_UPDATES],
    ['rate', args.rate, env.BENCH_RATE],
    ['warmup', args.warmup, undefined],
    ['drainMs', args['drain-ms'], undefined],
    ['durationS', args.duration, undefined],
    ['generators', args.generators, undefined],
  ]);
  for (const [key, flag, fromEnv] of scalar) {
    if (key in base) options[key] = intOption(flag, fromEnv, base[key], key);
  }
  if ('rate' in options) options.rate = Math.max(1, options.rate);
  if ('clients' in base)
    options.clients = intOption(args.clients, env.BENCH_CLIENTS, base.clients, 'clients');
  if ('clientsList' in base)
    options.clientsList = listOption(
      args.clients ?? env.BENCH_CLIENTS,
      base.clientsList,
      'clients',
    );
  if ('instancesList' in base)
    options.instancesList = listOption(undefined, base.instancesList, 'instances');
  if ('docsList' in base) options.docsList = listOption(args.docs, base.docsList, 'docs');
  return options;
}

/**
 * Server kinds a scenario compares (its own list, or reference and ours), narrowed by --servers.
 *
 * @param {any} scenario
 */
function kindsOf(scenario) {
  const own = scenario.kinds ?? ['reference', 'ours'];
  if (!serverFilter) return own;
  const kinds = own.filter((/** @type {string} */ k) => serverFilter.includes(k));
  // The diagnostic variant runs wherever ours does, when asked for by name.
  if (own.includes('ours') && serverFilter.includes('ours-memory')) kinds.push('ours-memory');
  return kinds;
}

for (const scenario of selected) {
  const options = scenarioOptions(scenario);
  const kinds = kindsOf(scenario);
  const variantList = scenario.variants ? scenario.variants(options) : [{ label: '', ...options }];
  log(`\n=== ${scenario.name}: ${scenario.description}`);
  log(`    options ${JSON.stringify(options)}, ${rounds} round(s), servers ${kinds.join(', ')}`);
  /** @type {any[]} */
  const variantReports = [];
  for (const variant of variantList) {
    if (variant.label) log(`\n--- ${scenario.name} / ${variant.label}`);
    /** @type {any[]} */
    const runs = [];
    for (let r = 0; r < rounds; r += 1) {
      // Alternate the order between rounds so neither server always runs first.
      const order = r % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        if (scenario.skipKind?.(kind, variant, runs)) {
          log(`  round ${r + 1}: ${kind} skipped (${scenario.skipKind(kind, variant, runs)})`);
          continue;
        }
        const tag = `${scenario.name}-${kind}${variant.label ? `-${variant.label.replace(/\W+/g, '_')}` : ''}-r${r + 1}`;
        const nodeFlags = args['cpu-prof']
          ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, tag)}`]
          : [];
        /**
         * Starts a server of this run's kind (scenarios may start more, e.g. several instances).
         *
         * @param {Partial<import('./lib/servers.mjs').LaunchOptions>} [extra]
         */
        const launch = (extra = {}) =>
          serverKinds[/** @type {keyof typeof serverKinds} */ (kind)]({
            repoRoot,
            nodeFlags,
            ...extra,
            env: { ...(kind === 'ours' ? oursEnv : {}), ...(extra.env ?? {}) },
          });
        log(
          `  round ${r + 1}: ${kind}  (load average ${loadavg()
            .map((v) => v.toFixed(2))
            .join(' ')})`,
        );
        /** @type {import('./lib/servers.mjs').RunningServer | null} */
        let server = null;
        try {
          if (!scenario.ownServers) {
            server = await launch(scenario.launchOptions?.(kind, variant) ?? {});
          }
          const result = await scenario.run({ server, kind, launch, options: variant, log });
          const crashed = server ? !server.alive() : false;
          if (crashed) {
            failed = true;
            log(`  !! ${server?.label} died during the run:\n${server?.outputTail()}`);
          }
          if (result.skipped) {
            log(`  -- ${kind} skipped: ${result.skipped}`);
          } else {
            runs.push({
              kind,
              label: server?.label ?? result.label ?? kind,
              round: r + 1,
              crashed,
              ...result,
            });
          }
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
    variantReports.push({
      label: variant.label,
      options: variant,
      ...(scenario.summarize
        ? scenario.summarize(runs, log)
        : summarizeVariant(scenario, kinds, runs)),
    });
  }
  const conclusion = scenario.conclude?.(variantReports, log) ?? null;
  report.scenarios.push({ name: scenario.name, options, variants: variantReports, conclusion });
}

/**
 * Per-run rows, pooled per-server summary, ratios and target check; prints them.
 *
 * @param {any} scenario
 * @param {string[]} kinds
 * @param {any[]} runs
 */
function summarizeVariant(scenario, kinds, runs) {
  const ok = runs.filter((run) => !run.error && run.latencyMs);
  for (const run of ok) {
    // Older scenarios report CPU % only; derive µs per (update × receiving client).
    if (run.server.cpuUsPerDelivery === undefined && run.received > 0) {
      run.server.cpuUsPerDelivery = round(
        (((run.server.cpuPct ?? NaN) / 100) * run.windowMs * 1000) / run.received,
        2,
      );
    }
  }
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
      'µs/upd/recv',
      'gen CPU %',
      'gen loop p99',
      'load1',
    ],
    ok.map((run) => [
      run.kind,
      run.round,
      fmt(run.latencyMs.p50, 2),
      fmt(run.latencyMs.p95, 2),
      fmt(run.latencyMs.p99, 2),
      fmt(run.latencyMs.max, 2),
      run.latencyMs.count,
      `${run.undelivered}/${run.expectedDeliveries}`,
      fmt(run.server.rssMb),
      fmt(run.server.cpuPct),
      fmt(run.server.cpuUsPerDelivery, 2),
      fmt(run.generator.cpuPct),
      fmt(run.generator.eventLoopDelayP99Ms, 1),
      fmt(run.loadavg1 ?? NaN, 2),
    ]),
  );
  for (const run of ok) {
    const extra = scenario.describeRun?.(run);
    if (extra) log(`  ${run.kind} r${run.round}: ${extra}`);
  }

  /** @type {Record<string, any>} */
  const perServer = {};
  for (const kind of kinds) {
    const mine = ok.filter((run) => run.kind === kind);
    if (mine.length === 0) continue;
    const mean = (/** @type {(run: any) => number} */ pick) =>
      round(mine.reduce((sum, run) => sum + pick(run), 0) / mine.length, 2);
    perServer[kind] = {
      label: mine[0].label,
      runs: mine.length,
      latencyMs: latencySummary(mine.flatMap((run) => run.latencies)),
      undelivered: mine.reduce((sum, run) => sum + run.undelivered, 0),
      expectedDeliveries: mine.reduce((sum, run) => sum + run.expectedDeliveries, 0),
      rssMb: mean((run) => run.server.rssMb),
      peakRssMb: mean((run) => run.server.peakRssMb),
      serverCpuPct: mean((run) => run.server.cpuPct),
      cpuUsPerDelivery: mean((run) => run.server.cpuUsPerDelivery),
      clientCpuPct: mean((run) => run.generator.cpuPct),
      generatorLoopDelayP99Ms: mean((run) => run.generator.eventLoopDelayP99Ms),
      loadavg1: mine.map((run) => run.loadavg1),
    };
  }
  log('');
  log('pooled over all rounds:');
  printTable(
    [
      'server',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'undelivered',
      'RSS MB',
      'µs/upd/recv',
      'gen CPU %',
    ],
    Object.entries(perServer).map(([kind, s]) => [
      `${kind}: ${s.label}`,
      fmt(s.latencyMs.p50, 2),
      fmt(s.latencyMs.p95, 2),
      fmt(s.latencyMs.p99, 2),
      fmt(s.latencyMs.max, 2),
      `${s.undelivered}/${s.expectedDeliveries}`,
      fmt(s.rssMb),
      fmt(s.cpuUsPerDelivery, 2),
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
  } else if (ok.length > 0) {
    log('load generator not saturated (client CPU ≤ 80 % of a core, event-loop delay p99 ≤ 20 ms)');
  }
  for (const run of ok) {
    const closes = Object.entries(run.closedDuringRun ?? {});
    if (closes.length > 0) log(`NOTE: ${run.kind} round ${run.round} closed clients: ${closes}`);
    const errors = run.server.metrics?.errors ?? {};
    if (Object.keys(errors).length > 0) {
      log(`NOTE: ${run.kind} round ${run.round} server errors: ${JSON.stringify(errors)}`);
    }
  }

  /** @type {Record<string, number> | null} */
  let ratio = null;
  /** @type {{ text: string, holds: boolean } | null} */
  let target = null;
  const baselineKind = kinds.find((k) => k !== 'ours');
  const baseline = baselineKind ? perServer[baselineKind] : undefined;
  if (perServer.ours && baseline) {
    const o = perServer.ours.latencyMs;
    const ref = baseline.latencyMs;
    ratio = {
      p50: round(o.p50 / ref.p50),
      p95: round(o.p95 / ref.p95),
      p99: round(o.p99 / ref.p99),
      cpuUsPerDelivery: round(perServer.ours.cpuUsPerDelivery / baseline.cpuUsPerDelivery),
      rss: round(perServer.ours.rssMb / baseline.rssMb),
    };
    log(
      `ratio ours/${baselineKind}: p50 ${ratio.p50}x, p95 ${ratio.p95}x, p99 ${ratio.p99}x, ` +
        `CPU per delivery ${ratio.cpuUsPerDelivery}x, RSS ${ratio.rss}x`,
    );
    target = scenario.target?.({ ours: perServer.ours, baseline, runs: ok }) ?? null;
  } else if (perServer.ours && !baseline) {
    target = scenario.target?.({ ours: perServer.ours, baseline: null, runs: ok }) ?? null;
  }
  if (target) log(`target "${target.text}": ${target.holds ? 'HOLDS' : 'DOES NOT HOLD'}`);
  return {
    runs: runs.map(({ latencies: _latencies, ...rest }) => rest),
    perServer,
    ratio,
    target,
  };
}

report.loadavgAtEnd = loadavg().map((v) => round(v, 2));
mkdirSync(dirname(resolve(args.json ?? '')), { recursive: true });
writeFileSync(resolve(args.json ?? ''), `${JSON.stringify(report, null, 2)}\n`);
log(`\nresults written to ${args.json}`);
if (args['cpu-prof']) log(`server CPU profiles in ${profileDir}`);
killAllChildren();
process.exit(failed ? 1 : 0);
