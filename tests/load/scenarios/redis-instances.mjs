// Scenario: several instances over Redis. Two and three instances of our server (variants) on
// one SQLite database (WAL; several processes may append) with REDIS_URL; one writer on instance
// 1, the readers spread round-robin over all instances; fan-out latency as in fan-out, split into
// readers on the writer's instance and readers on the others. The reference runs as one
// in-memory instance with the same clients (there is nothing to relay): the ratio is the price
// of the relay. If the instances do not relay (probe write from instance 1 not seen on instance
// 2 within 3 s) the run is skipped with a message.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { LightClient } from '../lib/light-client.mjs';
import {
  buildResult,
  connectAll,
  latencySummary,
  LatencyRecorder,
  metricsSummary,
  serverRss,
  startWindow,
  waitUntil,
} from '../lib/measure.mjs';
import { histogramMs } from '../lib/prometheus.mjs';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** @param {boolean} quick */
function defaults(quick) {
  return {
    instancesList: quick ? [2] : [2, 3],
    clients: quick ? 10 : 50,
    updates: quick ? 60 : 1000,
    rate: 50,
    warmup: quick ? 10 : 50,
    drainMs: 5000,
  };
}

/** @param {ReturnType<typeof defaults>} options */
function variants(options) {
  return options.instancesList.map((instances) => ({
    label: `${instances} instances`,
    ...options,
    instances,
  }));
}

/**
 * @param {object} context
 * @param {string} context.kind
 * @param {(extra?: object) => Promise<import('../lib/servers.mjs').RunningServer>} context.launch
 * @param {ReturnType<typeof variants>[number]} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ kind, launch, options, log }) {
  const { clients: clientCount, updates, rate, warmup, drainMs, instances } = options;
  /** @type {import('../lib/servers.mjs').RunningServer[]} */
  const servers = [];
  /** @type {LightClient[]} */
  let clients = [];
  try {
    if (kind === 'ours') {
      const first = await launch({ env: { REDIS_URL }, keepDataDir: true });
      servers.push(first);
      for (let i = 1; i < instances; i += 1) {
        servers.push(
          await launch({ env: { REDIS_URL }, dataDir: first.dataDir, secret: first.secret }),
        );
      }
    } else {
      servers.push(await launch());
    }
    const docName = `plans/relay-${randomUUID().slice(0, 8)}`;
    const instanceOf = (/** @type {number} */ i) => (kind === 'ours' ? i % instances : 0);

    if (kind === 'ours') {
      let seen = false;
      const probeWriter = new LightClient(await servers[0].connectUrl(docName, 'probe-w'));
      const probeReader = new LightClient(await servers[1].connectUrl(docName, 'probe-r'), {
        onKey: (key) => (seen ||= key === 'probe'),
      });
      await Promise.all([probeWriter.whenSynced, probeReader.whenSynced]);
      probeWriter.writeKey('probe', 0);
      await waitUntil(() => seen, 3000);
      probeWriter.close();
      probeReader.close();
      if (!seen) {
        return {
          skipped:
            'the instances do not relay (a probe write on instance 1 did not reach instance 2 ' +
            `within 3 s; REDIS_URL=${REDIS_URL}); collab-server without the Redis relay?`,
        };
      }
    }

    const readers = clientCount - 1;
    const idleRssMb = serverRss(servers).rssMb;
    const sendTimes = new Float64Array(updates).fill(NaN);
    const seen = Array.from({ length: readers }, () => new Uint8Array(updates));
    const latencies = new LatencyRecorder(updates * readers);
    const local = new LatencyRecorder();
    const remote = new LatencyRecorder();
    let received = 0;
    clients = await connectAll(
      clientCount,
      async (i) =>
        new LightClient(await servers[instanceOf(i)].connectUrl(docName, `c${i}`), {
          onKey:
            i === 0
              ? undefined
              : (key, arrival) => {
                  const seq = Number(key);
                  const row = seen[i - 1];
                  if (!(seq >= 0 && seq < updates) || row[seq]) return;
                  row[seq] = 1;
                  received += 1;
                  if (seq < warmup) return;
                  const ms = arrival - sendTimes[seq];
                  latencies.add(ms);
                  (instanceOf(i) === 0 ? local : remote).add(ms);
                },
        }),
      (client) => client.whenSynced,
    );
    const writer = clients[0];
    log(
      `  ${clientCount} clients on ${servers.length} instance(s) synced; ` +
        `writing ${updates} updates at ${rate}/s`,
    );
    const window = startWindow(servers);
    const intervalMs = 1000 / rate;
    let written = 0;
    for (let seq = 0; seq < updates; seq += 1) {
      const wait = window.start + seq * intervalMs - performance.now();
      if (wait > 1) await sleep(wait);
      if (writer.closed || servers.some((s) => !s.alive())) break;
      sendTimes[seq] = performance.now();
      writer.writeKey(String(seq), sendTimes[seq]);
      written += 1;
    }
    const expected = written * readers;
    await waitUntil(() => received >= expected, drainMs);
    const stopped = window.stop();
    /** @type {Array<number | null>} */
    const relayLagMeanMs = [];
    for (const server of servers.slice(1)) {
      const text = await server.metrics();
      relayLagMeanMs.push(
        text ? Math.round(histogramMs(text, 'collab_relay_lag_seconds').meanMs * 100) / 100 : null,
      );
    }
    const otherMetrics = await Promise.all(servers.slice(1).map((s) => metricsSummary(s)));
    return await buildResult({
      latencies,
      expected,
      received,
      window: stopped,
      servers,
      clients,
      idleRssMb,
      extra: {
        label: kind === 'ours' ? `collab-server × ${instances} over Redis` : servers[0].label,
        instances: servers.length,
        sameInstanceMs: latencySummary(local.values.subarray(0, local.count)),
        otherInstancesMs: latencySummary(remote.values.subarray(0, remote.count)),
        relayLagMeanMs,
        otherInstancesErrors: otherMetrics.map((m) => m?.errors ?? null),
      },
    });
  } finally {
    for (const client of clients) client.close();
    for (const server of [...servers].reverse()) await server.stop();
    // The first instance kept its directory for the others; remove it now.
    if (kind === 'ours' && servers[0]?.dataDir) {
      await rm(servers[0].dataDir, { recursive: true, force: true });
    }
  }
}

export default {
  name: 'redis-instances',
  description: 'fan-out across 2 and 3 instances of our server over Redis (writer on instance 1)',
  ownServers: true,
  defaults,
  variants,
  run,
  /** @param {any} run */
  describeRun(run) {
    const s = run.sameInstanceMs;
    const o = run.otherInstancesMs;
    return (
      `readers on the writer's instance p50/p99 ${s.p50}/${s.p99} ms (${s.count}), ` +
      `on other instances ${o.count ? `${o.p50}/${o.p99} ms (${o.count})` : '–'}` +
      (run.relayLagMeanMs?.length ? `; relay lag mean ${run.relayLagMeanMs.join(', ')} ms` : '')
    );
  },
  /** @param {{ ours: any, baseline: any }} pooled */
  target({ ours, baseline }) {
    return {
      text: 'no target in the issue; orientation: cross-instance p99 ≤ 2 × single reference p99',
      holds: ours.latencyMs.p99 <= 2 * baseline.latencyMs.p99,
    };
  },
};
