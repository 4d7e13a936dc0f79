// Scenario: one document, N clients (default 50), one of them writes small updates at a steady
// rate; every other client records when each update arrives. Measures propagation latency
// writer -> server (-> storage, for ours) -> readers, all timed with one clock in this process.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { counterByLabel, histogramMs, samples } from '../lib/prometheus.mjs';
import { ProtocolClient } from '../lib/protocol-client.mjs';
import { round, summarize } from '../lib/stats.mjs';

/**
 * @typedef {object} Options
 * @property {number} clients total clients including the writer
 * @property {number} updates
 * @property {number} rate updates per second
 * @property {number} warmup leading updates excluded from latency statistics
 * @property {number} drainMs longest wait for missing deliveries after the last write
 * @property {number} connectTimeoutMs
 */

/** @param {boolean} quick */
function defaults(quick) {
  return {
    clients: 50,
    updates: quick ? 100 : 1000,
    rate: 50,
    warmup: 20,
    drainMs: 5000,
    connectTimeoutMs: 20_000,
  };
}

/**
 * Rejects after `ms` with a message naming `what`.
 *
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
async function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return /** @type {T} */ (await Promise.race([promise, timeout]));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {Options} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, options, log }) {
  const { clients: clientCount, updates, rate, warmup, drainMs } = options;
  if (clientCount < 2) throw new Error('needs at least 2 clients (one writer, one reader)');
  const docName = `plans/bench-${randomUUID().slice(0, 8)}`;
  const readers = clientCount - 1;
  globalThis.gc?.();
  const idleMemory = server.memory();

  // arrivals[r][seq] = arrival time at reader r (NaN until it arrives)
  const arrivals = Array.from({ length: readers }, () => new Float64Array(updates).fill(NaN));
  const sendTimes = new Float64Array(updates).fill(NaN);
  let received = 0;
  let duplicates = 0;
  let unexpected = 0;

  /** @type {ProtocolClient[]} */
  const clients = [];
  try {
    const readerClients = await Promise.all(
      Array.from({ length: readers }, async (_, r) => {
        const url = await server.connectUrl(docName, `reader-${r}`);
        const client = new ProtocolClient(url, {
          onSeq(seq, arrival) {
            const row = arrivals[r];
            if (!(seq >= 0 && seq < updates)) {
              unexpected += 1;
            } else if (Number.isNaN(row[seq])) {
              row[seq] = arrival;
              received += 1;
            } else {
              duplicates += 1;
            }
          },
        });
        clients.push(client);
        return client;
      }),
    );
    const writer = new ProtocolClient(await server.connectUrl(docName, 'writer'));
    clients.push(writer);
    await withTimeout(
      Promise.all(clients.map((client) => client.whenSynced)),
      options.connectTimeoutMs,
      `connecting ${clientCount} clients`,
    );
    log(`  ${clientCount} clients synced on ${docName}; writing ${updates} updates at ${rate}/s`);

    // Measured window: first write until every update arrived everywhere (or the drain limit).
    globalThis.gc?.();
    // Node's histogram includes the sampling interval itself; it is subtracted below.
    const loopResolutionMs = 10;
    const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    loopDelay.enable();
    const cpuStart = process.cpuUsage();
    const serverCpuStart = server.cpuMs();
    const start = performance.now();
    const intervalMs = 1000 / rate;
    const sendLags = [];
    let written = 0;
    for (let seq = 0; seq < updates; seq += 1) {
      const target = start + seq * intervalMs;
      const wait = target - performance.now();
      if (wait > 1) await sleep(wait);
      if (writer.closed || !server.alive()) break;
      const now = performance.now();
      sendLags.push(now - target);
      sendTimes[seq] = now;
      writer.write(seq, now);
      written += 1;
    }
    const lastWrite = performance.now();
    const expected = written * readers;
    const drainDeadline = lastWrite + drainMs;
    while (received < expected && performance.now() < drainDeadline && server.alive()) {
      await sleep(10);
    }
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    const serverCpuEnd = server.cpuMs();
    loopDelay.disable();
    const windowMs = end - start;
    const memory = server.memory();
    const metricsText = server.alive() ? await server.metrics() : null;

    const latencies = [];
    for (const row of arrivals) {
      for (let seq = warmup; seq < written; seq += 1) {
        if (!Number.isNaN(row[seq])) latencies.push(row[seq] - sendTimes[seq]);
      }
    }
    /** @type {Record<string, number>} */
    const closes = {};
    for (const client of readerClients.concat(writer)) {
      if (client.closed) {
        const key = `${client.closed.code} ${client.closed.reason}`.trim();
        closes[key] = (closes[key] ?? 0) + 1;
      }
    }
    const lag = summarize(sendLags);
    const perUpdate = perUpdateDelays(arrivals, sendTimes, warmup, written);
    return {
      docName,
      written,
      expectedDeliveries: expected,
      received,
      undelivered: expected - received,
      duplicates,
      unexpected,
      closedDuringRun: closes,
      permissionDenied: clients.reduce((n, client) => n + client.denied.length, 0),
      drainedAfterMs: round(end - lastWrite, 1),
      windowMs: round(windowMs, 0),
      latencies,
      latencyMs: mapValues(summarize(latencies), (v) => round(v, 2)),
      // Per update: first arrival at any reader (≈ server-side delay) and first-to-last spread
      // (fan-out by the server plus client-side queueing); helps tell where a tail comes from.
      firstArrivalMs: mapValues(summarize(perUpdate.first), (v) => round(v, 2)),
      fanoutSpreadMs: mapValues(summarize(perUpdate.spread), (v) => round(v, 2)),
      slowestUpdates: perUpdate.slowest,
      generator: {
        cpuPct: round(((cpu.user + cpu.system) / 1000 / windowMs) * 100, 1),
        eventLoopDelayP99Ms: round(
          Math.max(0, loopDelay.percentile(99) / 1e6 - loopResolutionMs),
          2,
        ),
        eventLoopDelayMaxMs: round(Math.max(0, loopDelay.max / 1e6 - loopResolutionMs), 2),
        sendLagP99Ms: round(lag.p99, 2),
        sendLagMaxMs: round(lag.max, 2),
      },
      server: {
        pid: server.pid,
        idleRssMb: idleMemory ? round(idleMemory.rssMb, 1) : null,
        rssMb: memory ? round(memory.rssMb, 1) : null,
        peakRssMb: memory ? round(memory.peakRssMb, 1) : null,
        cpuPct:
          serverCpuStart !== null && serverCpuEnd !== null
            ? round(((serverCpuEnd - serverCpuStart) / windowMs) * 100, 1)
            : null,
        metrics: metricsText ? summarizeMetrics(metricsText) : null,
      },
    };
  } finally {
    for (const client of clients) client.close();
  }
}

/**
 * For each measured update: latency to its first and last reader; the five slowest by first.
 *
 * @param {Float64Array[]} arrivals
 * @param {Float64Array} sendTimes
 * @param {number} from
 * @param {number} to
 */
function perUpdateDelays(arrivals, sendTimes, from, to) {
  const first = [];
  const spread = [];
  const rows = [];
  for (let seq = from; seq < to; seq += 1) {
    let min = Infinity;
    let max = -Infinity;
    for (const row of arrivals) {
      if (Number.isNaN(row[seq])) continue;
      min = Math.min(min, row[seq]);
      max = Math.max(max, row[seq]);
    }
    if (min === Infinity) continue;
    first.push(min - sendTimes[seq]);
    spread.push(max - min);
    rows.push({
      seq,
      firstMs: round(min - sendTimes[seq], 2),
      lastMs: round(max - sendTimes[seq], 2),
    });
  }
  rows.sort((a, b) => b.firstMs - a.firstMs);
  return { first, spread, slowest: rows.slice(0, 5) };
}

/**
 * What we read from our server's /metrics after the run.
 *
 * @param {string} text
 */
function summarizeMetrics(text) {
  const persist = histogramMs(text, 'collab_persist_duration_seconds');
  return {
    persist: {
      batches: persist.count,
      meanMs: round(persist.meanMs, 3),
      p50UpToMs: persist.p50UpToMs,
      p99UpToMs: persist.p99UpToMs,
      buckets: persist.buckets,
    },
    errors: counterByLabel(text, 'collab_errors_total'),
    // prom-client default metrics: where the resident memory goes (MB).
    heapUsedMb: round(gauge(text, 'nodejs_heap_size_used_bytes') / 2 ** 20, 1),
    heapTotalMb: round(gauge(text, 'nodejs_heap_size_total_bytes') / 2 ** 20, 1),
    externalMb: round(gauge(text, 'nodejs_external_memory_bytes') / 2 ** 20, 1),
    messagesOut: counterByLabel(text, 'collab_messages_out_total')[''] ?? null,
  };
}

/**
 * First sample of an unlabelled gauge, NaN if absent.
 *
 * @param {string} text
 * @param {string} name
 */
function gauge(text, name) {
  return samples(text, name).find((s) => s.series === name)?.value ?? NaN;
}

/**
 * @template T, U
 * @param {Record<string, T>} object
 * @param {(value: T) => U} fn
 * @returns {Record<string, U>}
 */
function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));
}

export default {
  name: 'one-doc-one-writer',
  description: 'one document, 50 clients, one writer (small map updates at a steady rate)',
  defaults,
  run,
};
