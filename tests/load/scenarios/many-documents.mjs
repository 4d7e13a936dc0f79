// Scenario: many documents. N documents × 4 clients, each client writing one small update a
// second (writes spread evenly over the second); the other three clients of the document record
// the arrival. Stepped over N (variants) to find, per server, the load at which p99 first passes
// 100 ms. Each step starts fresh servers and measures for `durationS` seconds (the first
// `warmupS` excluded from the latency figures).
//
// `generators` > 1 (`--generators K`) spreads the documents over K load-generator child processes
// (lib/many-docs-generator.mjs), each running all 4 clients of its documents, so a write and its
// arrivals are timed in the same process; the parent pools their samples and counts.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { forkNode, stopChild } from '../lib/children.mjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LightClient } from '../lib/light-client.mjs';
import {
  buildResult,
  connectAll,
  LatencyRecorder,
  serverRss,
  startWindow,
  waitUntil,
} from '../lib/measure.mjs';

const CLIENTS_PER_DOC = 4;
const BAR_MS = 100;

/** @param {boolean} quick */
function defaults(quick) {
  return {
    docsList: quick ? [5] : [100, 250, 500, 750, 1000],
    durationS: quick ? 3 : 20,
    warmupS: quick ? 1 : 4,
    drainMs: 5000,
    generators: 1,
  };
}

/** @param {ReturnType<typeof defaults>} options */
function variants(options) {
  return options.docsList.map((docs) => ({ label: `${docs} docs`, ...options, docs }));
}

/** Per server kind, the step at which it clearly broke down (later steps are skipped). */
/** @type {Record<string, number>} */
const brokeAt = {};

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {string} context.kind
 * @param {ReturnType<typeof variants>[number]} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, kind, options, log }) {
  if (options.generators > 1) return runSpread({ server, kind, options, log });
  const { docs, durationS, warmupS, drainMs } = options;
  const prefix = `plans/many-${randomUUID().slice(0, 6)}`;
  const total = docs * CLIENTS_PER_DOC;
  const maxWrites = total * durationS;
  const idleRssMb = serverRss([server]).rssMb;
  const sendTimes = new Float64Array(maxWrites).fill(NaN);
  const deliveries = new Uint8Array(maxWrites);
  const latencies = new LatencyRecorder(maxWrites * 3);
  let received = 0;
  let measureFrom = Infinity;

  /** @type {LightClient[]} */
  let clients = [];
  try {
    clients = await connectAll(
      total,
      async (i) =>
        new LightClient(await server.connectUrl(`${prefix}-${i >> 2}`, `c${i}`), {
          onKey(key, arrival) {
            const id = Number(key);
            if (!(id >= 0 && id < maxWrites) || deliveries[id] >= CLIENTS_PER_DOC - 1) return;
            deliveries[id] += 1;
            received += 1;
            if (sendTimes[id] >= measureFrom) latencies.add(arrival - sendTimes[id]);
          },
        }),
      (client) => client.whenSynced,
      { what: `${total} clients on ${docs} documents`, timeoutMs: 120_000 },
    );
    log(`  ${total} clients on ${docs} documents synced; each writes 1/s for ${durationS} s`);
    const window = startWindow([server]);
    measureFrom = window.start + warmupS * 1000;
    const spacingMs = 1000 / total;
    let written = 0;
    // Write w goes to client w % total at start + w * spacing: every client once a second.
    while (written < maxWrites && server.alive()) {
      const due = Math.min(
        maxWrites,
        Math.floor((performance.now() - window.start) / spacingMs) + 1,
      );
      for (; written < due; written += 1) {
        const client = clients[written % total];
        if (client.closed) continue;
        const now = performance.now();
        sendTimes[written] = now;
        client.writeKey(String(written), now);
      }
      await sleep(2);
    }
    let expected = 0;
    for (let w = 0; w < written; w += 1) if (!Number.isNaN(sendTimes[w])) expected += 3;
    await waitUntil(() => received >= expected || !server.alive(), drainMs);
    const result = await buildResult({
      latencies,
      expected,
      received,
      window: window.stop(),
      servers: [server],
      clients,
      idleRssMb,
      extra: { docs, updatesPerSecond: total },
    });
    const broken =
      result.latencyMs.p99 > 10 * BAR_MS || result.undelivered > 0.05 * Math.max(1, expected);
    if (broken) brokeAt[kind] = Math.min(brokeAt[kind] ?? Infinity, docs);
    return result;
  } finally {
    for (const client of clients) client.close();
    await sleep(500); // let the server see the closes before it is stopped
  }
}

const generatorModule = fileURLToPath(new URL('../lib/many-docs-generator.mjs', import.meta.url));

/**
 * The same load as `run`, spread over `options.generators` child processes (contiguous ranges of
 * documents, all clients of a document in one child).
 *
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {string} context.kind
 * @param {ReturnType<typeof variants>[number]} context.options
 * @param {(line: string) => void} context.log
 */
async function runSpread({ server, kind, options, log }) {
  const { docs, durationS, warmupS, drainMs } = options;
  const k = Math.min(options.generators, docs);
  const prefix = `plans/many-${randomUUID().slice(0, 6)}`;
  const total = docs * CLIENTS_PER_DOC;
  const idleRssMb = serverRss([server]).rssMb;
  /** @type {Array<ReturnType<typeof forkNode> & { next: (type: string) => Promise<any> }>} */
  const children = [];
  try {
    for (let g = 0; g < k; g += 1) {
      const fromDoc = Math.floor((g * docs) / k);
      const toDoc = Math.floor(((g + 1) * docs) / k);
      /** @type {string[]} */
      const urls = [];
      for (let i = fromDoc * CLIENTS_PER_DOC; i < toDoc * CLIENTS_PER_DOC; i += 1) {
        urls.push(await server.connectUrl(`${prefix}-${i >> 2}`, `c${i}`));
      }
      const handle = forkNode(generatorModule, ['--expose-gc']);
      /** @type {any[]} */
      const inbox = [];
      /** @type {Array<() => void>} */
      const waiting = [];
      handle.child.on('message', (message) => {
        inbox.push(message);
        for (const wake of waiting.splice(0)) wake();
      });
      handle.child.once('exit', () => {
        inbox.push({ type: 'error', message: `generator ${g} exited` });
        for (const wake of waiting.splice(0)) wake();
      });
      /** @param {string} type */
      const next = async (type) => {
        for (;;) {
          const at = inbox.findIndex((m) => m.type === type || m.type === 'error');
          if (at >= 0) {
            const [message] = inbox.splice(at, 1);
            if (message.type === 'error') throw new Error(`generator ${g}: ${message.message}`);
            return message;
          }
          await new Promise((resolve) => waiting.push(() => resolve(undefined)));
        }
      };
      handle.child.send({ type: 'setup', urls, durationS, warmupS, drainMs });
      children.push({ ...handle, next });
    }
    await Promise.all(children.map((c) => c.next('synced')));
    log(
      `  ${total} clients on ${docs} documents synced in ${k} generator processes; ` +
        `each client writes 1/s for ${durationS} s`,
    );
    const window = startWindow([server]);
    for (const c of children) c.child.send({ type: 'start' });
    const results = await Promise.all(children.map((c) => c.next('result')));
    const stopped = window.stop();
    let count = 0;
    for (const r of results) count += r.latencies.length;
    const latencies = new LatencyRecorder(Math.max(1, count));
    for (const r of results) {
      latencies.values.set(r.latencies, latencies.count);
      latencies.count += r.latencies.length;
    }
    const expected = results.reduce((sum, r) => sum + r.expected, 0);
    const received = results.reduce((sum, r) => sum + r.received, 0);
    /** @type {Record<string, number>} */
    const closedDuringRun = {};
    for (const r of results) {
      for (const [reason, n] of Object.entries(r.closedDuringRun)) {
        closedDuringRun[reason] = (closedDuringRun[reason] ?? 0) + /** @type {number} */ (n);
      }
    }
    const perGenerator = results.map((r) => r.generator);
    const result = await buildResult({
      latencies,
      expected,
      received,
      window: {
        ...stopped,
        // The busiest generator decides whether client-side queueing is in the figures.
        generator: {
          cpuPct: Math.max(...perGenerator.map((g) => g.cpuPct)),
          eventLoopDelayP99Ms: Math.max(...perGenerator.map((g) => g.eventLoopDelayP99Ms)),
          eventLoopDelayMaxMs: Math.max(...perGenerator.map((g) => g.eventLoopDelayMaxMs)),
          perGenerator,
          parent: stopped.generator,
        },
      },
      servers: [server],
      clients: [],
      idleRssMb,
      extra: { docs, updatesPerSecond: total, generators: k, closedDuringRun },
    });
    const broken =
      result.latencyMs.p99 > 10 * BAR_MS || result.undelivered > 0.05 * Math.max(1, expected);
    if (broken) brokeAt[kind] = Math.min(brokeAt[kind] ?? Infinity, docs);
    return result;
  } finally {
    for (const c of children) {
      if (c.child.connected) c.child.send({ type: 'close' });
    }
    await sleep(500); // let the server see the closes before it is stopped
    await Promise.all(children.map((c) => stopChild(c, 2000)));
  }
}

/**
 * Per server, the first step whose p99 passes the bar, and the capacity (largest step below it).
 *
 * @param {any[]} variantReports
 * @param {(line: string) => void} log
 */
function conclude(variantReports, log) {
  /** @type {Record<string, { steps: any[], firstOverBar: number | null, capacity: number }>} */
  const byKind = {};
  for (const variant of variantReports) {
    for (const [kind, s] of Object.entries(variant.perServer)) {
      const entry = (byKind[kind] ??= { steps: [], firstOverBar: null, capacity: 0 });
      const over = s.latencyMs.p99 > BAR_MS || s.undelivered > 0.01 * s.expectedDeliveries;
      entry.steps.push({
        docs: variant.options.docs,
        p99: s.latencyMs.p99,
        over,
        cpuUs: s.cpuUsPerDelivery,
      });
      if (over && entry.firstOverBar === null) entry.firstOverBar = variant.options.docs;
      if (!over && entry.firstOverBar === null) entry.capacity = variant.options.docs;
    }
  }
  log('\nmany-documents: p99 per step (ms), * = over the 100 ms bar or > 1 % undelivered');
  for (const [kind, entry] of Object.entries(byKind)) {
    log(
      `  ${kind.padEnd(10)} ` +
        entry.steps.map((s) => `${s.docs}: ${s.p99}${s.over ? '*' : ''}`).join('  ') +
        `  → carries ${entry.capacity} docs × 4 (first over the bar: ${entry.firstOverBar ?? 'none'})`,
    );
  }
  const ours = byKind.ours;
  const ref = byKind.reference;
  if (!ours || !ref) return byKind;
  const refBar = ref.firstOverBar;
  const oursAtRefBar = refBar === null ? null : ours.steps.find((s) => s.docs === refBar);
  const ratio = ref.capacity > 0 ? ours.capacity / ref.capacity : NaN;
  log(
    `  capacity ratio ours/reference: ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'}x; ` +
      `at the reference's first step over the bar (${refBar ?? 'none reached'}) ours p99 ` +
      `${oursAtRefBar ? `${oursAtRefBar.p99} ms` : '–'}`,
  );
  const holds =
    refBar !== null && ours.capacity >= 1.5 * ref.capacity && oursAtRefBar?.over === false;
  log(
    `  target "ours carries ≥ 1.5x the reference's load at the 100 ms bar": ` +
      `${refBar === null ? 'NOT DECIDED (the reference never passed the bar; step higher)' : holds ? 'HOLDS' : 'DOES NOT HOLD'}`,
  );
  return { ...byKind, capacityRatio: ratio, holds: refBar === null ? null : holds };
}

export default {
  name: 'many-documents',
  description: 'N documents × 4 clients, each client writing once a second; stepped over N',
  defaults,
  variants,
  run,
  conclude,
  /** @param {any} run */
  describeRun(run) {
    const per = run.generator?.perGenerator;
    if (!per) return '';
    return (
      `${per.length} generators: CPU ` +
      per.map((/** @type {any} */ g) => `${g.cpuPct} %`).join(' / ') +
      ', event-loop p99 ' +
      per.map((/** @type {any} */ g) => `${g.eventLoopDelayP99Ms} ms`).join(' / ') +
      ` (parent ${run.generator.parent.cpuPct} %)`
    );
  },
  /**
   * @param {string} kind
   * @param {{ docs: number }} variant
   */
  skipKind(kind, variant) {
    const at = brokeAt[kind];
    return at !== undefined && variant.docs > at
      ? `broke down at ${at} docs already (p99 > 1 s or > 5 % undelivered)`
      : '';
  },
};
