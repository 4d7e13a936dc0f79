// Shared measuring for the scenarios: a measured window (load-generator CPU and event-loop delay,
// server CPU), a compact latency recorder for millions of samples, and the server's memory.
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './stats.mjs';

/** Latency samples in a growable Float64Array (millions of samples without boxed numbers). */
export class LatencyRecorder {
  constructor(initial = 1 << 16) {
    this.values = new Float64Array(initial);
    this.count = 0;
  }

  /** @param {number} ms */
  add(ms) {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = ms;
    this.count += 1;
  }

  /** The samples, as a plain array (for pooling across runs). */
  toArray() {
    return Array.from(this.values.subarray(0, this.count));
  }
}

/**
 * First and last arrival of each update of one writer, to tell a stall that holds back a whole
 * broadcast (every reader late, at the same seq in every run: a checkpoint, a compaction, a GC)
 * from a slow fan-out (readers spread out).
 */
export class UpdateArrivals {
  /** @param {number} updates */
  constructor(updates) {
    this.sent = new Float64Array(updates).fill(NaN);
    this.first = new Float64Array(updates).fill(NaN);
    this.last = new Float64Array(updates).fill(NaN);
  }

  /** @param {number} seq @param {number} at */
  sentAt(seq, at) {
    this.sent[seq] = at;
  }

  /** @param {number} seq @param {number} at */
  arrived(seq, at) {
    if (Number.isNaN(this.first[seq])) this.first[seq] = at;
    this.last[seq] = at;
  }

  /**
   * The `count` updates whose last reader waited longest, from `from` on: seq, seconds after
   * `start`, ms to the first and to the last reader.
   *
   * @param {number} from @param {number} start @param {number} [count]
   */
  slowest(from, start, count = 10) {
    const rows = [];
    for (let seq = from; seq < this.sent.length; seq += 1) {
      if (Number.isNaN(this.first[seq])) continue;
      rows.push({
        seq,
        atS: round((this.sent[seq] - start) / 1000, 2),
        firstMs: round(this.first[seq] - this.sent[seq], 2),
        lastMs: round(this.last[seq] - this.sent[seq], 2),
      });
    }
    return rows.sort((a, b) => b.lastMs - a.lastMs).slice(0, count);
  }
}

/**
 * p50/p95/p99/max/mean of samples (array or typed array), rounded, without boxing big inputs.
 *
 * @param {ArrayLike<number>} samples
 */
export function latencySummary(samples) {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const at = (/** @type {number} */ p) =>
    n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))];
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += sorted[i];
  return {
    count: n,
    p50: round(at(50), 2),
    p95: round(at(95), 2),
    p99: round(at(99), 2),
    max: n ? round(sorted[n - 1], 2) : NaN,
    mean: n ? round(sum / n, 2) : NaN,
  };
}

/**
 * Starts a measured window; `stop()` returns generator and server CPU over it.
 *
 * @param {Array<{ cpuMs: () => number | null }>} servers every server process under load
 */
export function startWindow(servers) {
  globalThis.gc?.();
  const loopResolutionMs = 10;
  const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
  loopDelay.enable();
  const cpuStart = process.cpuUsage();
  const serverStart = servers.map((server) => server.cpuMs());
  const start = performance.now();
  const load = loadavg()[0];
  return {
    start,
    stop() {
      const end = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      loopDelay.disable();
      const windowMs = end - start;
      let serverCpuMs = 0;
      servers.forEach((server, i) => {
        const now = server.cpuMs();
        const before = serverStart[i];
        if (now !== null && before !== null) serverCpuMs += now - before;
      });
      return {
        windowMs: round(windowMs, 0),
        loadavg1: round(load, 2),
        generator: {
          cpuPct: round(((cpu.user + cpu.system) / 1000 / windowMs) * 100, 1),
          eventLoopDelayP99Ms: round(
            Math.max(0, loopDelay.percentile(99) / 1e6 - loopResolutionMs),
            2,
          ),
          eventLoopDelayMaxMs: round(Math.max(0, loopDelay.max / 1e6 - loopResolutionMs), 2),
        },
        serverCpuMs: round(serverCpuMs, 0),
        serverCpuPct: round((serverCpuMs / windowMs) * 100, 1),
      };
    },
  };
}

/**
 * Server CPU per delivery: µs of server CPU per (update × receiving client).
 *
 * @param {number} serverCpuMs
 * @param {number} deliveries
 */
export function cpuUsPerDelivery(serverCpuMs, deliveries) {
  return deliveries > 0 ? round((serverCpuMs * 1000) / deliveries, 2) : NaN;
}

/**
 * RSS of the server processes (summed), MB.
 *
 * @param {Array<{ memory: () => { rssMb: number, peakRssMb: number } | null }>} servers
 */
export function serverRss(servers) {
  let rss = 0;
  let peak = 0;
  for (const server of servers) {
    const memory = server.memory();
    if (!memory) return { rssMb: NaN, peakRssMb: NaN };
    rss += memory.rssMb;
    peak += memory.peakRssMb;
  }
  return { rssMb: round(rss, 1), peakRssMb: round(peak, 1) };
}

/**
 * Connects `count` clients `parallel` at a time (a thundering herd of thousands of handshakes
 * measures the accept queue, not the server), each made by `make(i)` and awaited by `ready(c)`.
 *
 * @template C
 * @param {number} count
 * @param {(i: number) => Promise<C>} make
 * @param {(client: C) => Promise<unknown>} ready
 * @param {{ parallel?: number, timeoutMs?: number, what?: string }} [options]
 * @returns {Promise<C[]>}
 */
export async function connectAll(count, make, ready, options = {}) {
  const { parallel = 100, timeoutMs = 60_000, what = `${count} clients` } = options;
  const deadline = performance.now() + timeoutMs;
  /** @type {C[]} */
  const clients = [];
  for (let from = 0; from < count; from += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, count - from) }, (_, j) => make(from + j)),
    );
    clients.push(...batch);
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`connecting ${what} took longer than ${timeoutMs} ms`);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    await Promise.race([
      Promise.all(batch.map(ready)),
      new Promise((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`connecting ${what} took longer than ${timeoutMs} ms`)),
          left,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  }
  return clients;
}

/**
 * Waits until `done()` or `ms` passed (polling every 10 ms).
 *
 * @param {() => boolean} done
 * @param {number} ms
 */
export async function waitUntil(done, ms) {
  const deadline = performance.now() + ms;
  while (!done() && performance.now() < deadline) await sleep(10);
  return done();
}

/**
 * Counts close reasons of clients that were closed by the server.
 *
 * @param {Array<{ closed: { code: number, reason: string } | null }>} clients
 */
export function closeReasons(clients) {
  /** @type {Record<string, number>} */
  const closes = {};
  for (const client of clients) {
    if (client.closed) {
      const key = `${client.closed.code} ${client.closed.reason}`.trim();
      closes[key] = (closes[key] ?? 0) + 1;
    }
  }
  return closes;
}

/**
 * A few figures from our server's /metrics (null for servers without metrics).
 *
 * @param {{ alive: () => boolean, metrics: () => Promise<string | null> }} server
 */
export async function metricsSummary(server) {
  if (!server.alive()) return null;
  const text = await server.metrics().catch(() => null);
  if (!text) return null;
  const { counterByLabel, histogramMs, samples } = await import('./prometheus.mjs');
  const gauge = (/** @type {string} */ name) =>
    samples(text, name).find((s) => s.series === name)?.value ?? NaN;
  const persist = histogramMs(text, 'collab_persist_duration_seconds');
  const load = histogramMs(text, 'collab_document_load_duration_seconds');
  return {
    documentsLoaded: gauge('collab_documents_loaded'),
    connections: gauge('collab_connections'),
    persistBatches: persist.count,
    persistMeanMs: round(persist.meanMs, 3),
    loadMeanMs: round(load.meanMs, 1),
    errors: counterByLabel(text, 'collab_errors_total'),
    heapUsedMb: round(gauge('nodejs_heap_size_used_bytes') / 2 ** 20, 1),
    externalMb: round(gauge('nodejs_external_memory_bytes') / 2 ** 20, 1),
    messagesOut: counterByLabel(text, 'collab_messages_out_total')[''] ?? null,
  };
}

/**
 * The common result of a latency scenario run (what run-bench.mjs prints and pools).
 *
 * @param {object} parts
 * @param {LatencyRecorder} parts.latencies
 * @param {number} parts.expected deliveries expected
 * @param {number} parts.received distinct deliveries received
 * @param {ReturnType<ReturnType<typeof startWindow>['stop']>} parts.window
 * @param {Array<any>} parts.servers
 * @param {Array<{ closed: { code: number, reason: string } | null }>} parts.clients
 * @param {number | null} [parts.idleRssMb]
 * @param {Record<string, unknown>} [parts.extra]
 */
export async function buildResult({
  latencies,
  expected,
  received,
  window,
  servers,
  clients,
  idleRssMb = null,
  extra = {},
}) {
  const memory = serverRss(servers);
  return {
    latencies: latencies.toArray(),
    latencyMs: latencySummary(latencies.values.subarray(0, latencies.count)),
    expectedDeliveries: expected,
    received,
    undelivered: expected - received,
    windowMs: window.windowMs,
    loadavg1: window.loadavg1,
    closedDuringRun: closeReasons(clients),
    generator: window.generator,
    server: {
      pid: servers[0].pid,
      idleRssMb,
      rssMb: memory.rssMb,
      peakRssMb: memory.peakRssMb,
      cpuPct: window.serverCpuPct,
      cpuMs: window.serverCpuMs,
      cpuUsPerDelivery: cpuUsPerDelivery(window.serverCpuMs, received),
      metrics: await metricsSummary(servers[0]),
    },
    ...extra,
  };
}
