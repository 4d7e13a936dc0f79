// Scenario: fan-out. One document, one writer, 50 and 500 clients (variants); the writer sets
// `bench[seq] = sendTime` at a steady rate, every other client records when each seq arrives.
// Like one-doc-one-writer, but with light clients (raw WebSocket, no Y.Doc: the seq is read from
// the update's bytes), so 500 receivers stay within one generator core.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LightClient } from '../lib/light-client.mjs';
import {
  buildResult,
  connectAll,
  LatencyRecorder,
  serverRss,
  startWindow,
  UpdateArrivals,
  waitUntil,
} from '../lib/measure.mjs';

/** @param {boolean} quick */
function defaults(quick) {
  return {
    clientsList: quick ? [20] : [50, 500],
    updates: quick ? 60 : 1000,
    rate: 50,
    warmup: quick ? 10 : 50,
    drainMs: 5000,
  };
}

/** @param {ReturnType<typeof defaults>} options */
function variants(options) {
  return options.clientsList.map((clients) => ({
    label: `${clients} clients`,
    ...options,
    clients,
  }));
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {ReturnType<typeof variants>[number]} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, options, log }) {
  const { clients: clientCount, updates, rate, warmup, drainMs } = options;
  const docName = `plans/fanout-${randomUUID().slice(0, 8)}`;
  const readers = clientCount - 1;
  const idleRssMb = serverRss([server]).rssMb;
  const arrivals = new UpdateArrivals(updates);
  const sendTimes = arrivals.sent;
  const seen = Array.from({ length: readers }, () => new Uint8Array(updates));
  const latencies = new LatencyRecorder(updates * readers);
  let received = 0;

  /** @type {LightClient[]} */
  let clients = [];
  try {
    clients = await connectAll(
      clientCount,
      async (i) =>
        new LightClient(await server.connectUrl(docName, `c${i}`), {
          onKey:
            i === 0
              ? undefined
              : (key, arrival) => {
                  const seq = Number(key);
                  const row = seen[i - 1];
                  if (!(seq >= 0 && seq < updates) || row[seq]) return;
                  row[seq] = 1;
                  received += 1;
                  arrivals.arrived(seq, arrival);
                  if (seq >= warmup) latencies.add(arrival - sendTimes[seq]);
                },
        }),
      (client) => client.whenSynced,
    );
    const writer = clients[0];
    log(`  ${clientCount} clients synced; writing ${updates} updates at ${rate}/s`);
    const window = startWindow([server]);
    const intervalMs = 1000 / rate;
    let written = 0;
    for (let seq = 0; seq < updates; seq += 1) {
      const wait = window.start + seq * intervalMs - performance.now();
      if (wait > 1) await sleep(wait);
      if (writer.closed || !server.alive()) break;
      arrivals.sentAt(seq, performance.now());
      writer.writeKey(String(seq), sendTimes[seq]);
      written += 1;
    }
    const expected = written * readers;
    await waitUntil(() => received >= expected || !server.alive(), drainMs);
    const slowestUpdates = arrivals.slowest(warmup, window.start);
    log(
      `  slowest updates (seq@s: first/last reader ms): ${slowestUpdates
        .slice(0, 6)
        .map((u) => `${u.seq}@${u.atS}: ${u.firstMs}/${u.lastMs}`)
        .join(', ')}`,
    );
    return await buildResult({
      latencies,
      expected,
      received,
      window: window.stop(),
      servers: [server],
      clients,
      idleRssMb,
      extra: { slowestUpdates },
    });
  } finally {
    for (const client of clients) client.close();
  }
}

export default {
  name: 'fan-out',
  description: 'one document, one writer, 50 and 500 light clients (seq read from the bytes)',
  defaults,
  variants,
  run,
  /** @param {{ ours: any, baseline: any }} pooled */
  target({ ours, baseline }) {
    return {
      text: 'our p99 ≤ reference p99',
      holds: ours.latencyMs.p99 <= baseline.latencyMs.p99,
    };
  },
};
