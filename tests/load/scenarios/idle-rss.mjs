// Scenario: idle document RSS. K documents (default 1000) are loaded, each with one idle client
// that wrote a small plan-like content (20 fields) and then stays connected; the server's RSS
// with the K documents minus its RSS before (after a warm-up document was loaded and closed),
// divided by K. Includes each document's connection, as in production (a loaded document has at
// least one client until the idle unload).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LightClient } from '../lib/light-client.mjs';
import {
  buildResult,
  connectAll,
  LatencyRecorder,
  metricsSummary,
  serverRss,
  startWindow,
} from '../lib/measure.mjs';
import { round } from '../lib/stats.mjs';

/** @param {boolean} quick */
function defaults(quick) {
  return { docs: quick ? 20 : 1000, fields: 20, settleMs: quick ? 500 : 5000 };
}

/**
 * @param {LightClient} client
 * @param {number} fields
 */
function writePlan(client, fields) {
  for (let f = 0; f < fields; f += 1) {
    client.writeKey(`field-${f}`, f * 1.5);
  }
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {ReturnType<typeof defaults>} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, options, log }) {
  const { docs, fields, settleMs } = options;
  const prefix = `plans/idle-${randomUUID().slice(0, 6)}`;
  // Warm-up: load, write and close one document so code and allocator pools are in place.
  const warm = new LightClient(await server.connectUrl(`${prefix}-warm`, 'warm'));
  await warm.whenSynced;
  writePlan(warm, fields);
  await sleep(500);
  warm.close();
  await sleep(settleMs);
  const before = serverRss([server]).rssMb;
  const metricsBefore = await metricsSummary(server);
  const window = startWindow([server]);
  /** @type {LightClient[]} */
  let clients = [];
  try {
    clients = await connectAll(
      docs,
      async (i) => new LightClient(await server.connectUrl(`${prefix}-${i}`, `idle${i}`)),
      (client) => client.whenSynced,
      { what: `${docs} idle documents`, timeoutMs: 120_000 },
    );
    for (const client of clients) writePlan(client, fields);
    await sleep(settleMs);
    const after = serverRss([server]).rssMb;
    const metricsAfter = await metricsSummary(server);
    const perDocMb = (after - before) / docs;
    log(
      `  RSS ${before} MB → ${after} MB with ${docs} idle documents: ${perDocMb.toFixed(3)} MB each`,
    );
    return await buildResult({
      latencies: new LatencyRecorder(1),
      expected: 0,
      received: 0,
      window: window.stop(),
      servers: [server],
      clients,
      idleRssMb: before,
      extra: {
        docs,
        rssBeforeMb: before,
        rssAfterMb: after,
        perDocMb: round(perDocMb, 4),
        heapPerDocKb:
          metricsBefore && metricsAfter
            ? round(((metricsAfter.heapUsedMb - metricsBefore.heapUsedMb) * 1024) / docs, 1)
            : null,
        documentsLoaded: metricsAfter?.documentsLoaded ?? null,
      },
    });
  } finally {
    for (const client of clients) client.close();
  }
}

export default {
  name: 'idle-rss',
  description: 'RSS per idle loaded document (1000 documents, one idle client each)',
  defaults,
  run,
  /** @param {any} run */
  describeRun(run) {
    return (
      `RSS ${run.rssBeforeMb} → ${run.rssAfterMb} MB for ${run.docs} documents: ` +
      `${run.perDocMb} MB per document` +
      (run.heapPerDocKb !== null ? ` (JS heap ${run.heapPerDocKb} KB of it)` : '')
    );
  },
  /** @param {{ runs: any[] }} pooled */
  target({ runs }) {
    const mine = runs.filter((run) => run.kind === 'ours');
    const mean = mine.reduce((sum, run) => sum + run.perDocMb, 0) / Math.max(1, mine.length);
    return {
      text: `an idle loaded document < 0.1 MB RSS (ours ${mean.toFixed(3)} MB)`,
      holds: mean < 0.1,
    };
  },
};
