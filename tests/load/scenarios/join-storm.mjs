// Scenario: join storm. A document of about 1 MB is loaded (one client keeps it open); then 100
// clients connect at the same moment. Per client: time from the common start to its full sync
// step 2; and the time until all are synced. Tokens are signed before the start.
import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { LightClient } from '../lib/light-client.mjs';
import {
  buildResult,
  LatencyRecorder,
  serverRss,
  startWindow,
  waitUntil,
} from '../lib/measure.mjs';

/** @param {boolean} quick */
function defaults(quick) {
  return { clients: quick ? 10 : 100, sizeKb: quick ? 100 : 1024, timeoutMs: 60_000 };
}

/** @type {Map<number, Uint8Array>} */
const states = new Map();

/**
 * A plan-like document of about `sizeKb` KB: a text body written in 400-character paragraphs at
 * varying positions, and a map of fields. Deterministic.
 *
 * @param {number} sizeKb
 */
function documentOf(sizeKb) {
  let state = states.get(sizeKb);
  if (state) return state;
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const fields = doc.getMap('fields');
  const paragraph = 'Beteiligungsverfahren für den Bebauungsplan, Stellungnahme Nr. '.repeat(7);
  let i = 0;
  while (text.length < sizeKb * 1024 * 0.9) {
    text.insert(Math.floor(random() * text.length), `${paragraph.slice(0, 390)} ${i}\n`);
    if (i % 10 === 0) fields.set(`field-${i}`, { owner: `user-${i % 37}`, due: i, done: false });
    i += 1;
  }
  state = Y.encodeStateAsUpdate(doc);
  states.set(sizeKb, state);
  return state;
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {ReturnType<typeof defaults>} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, options, log }) {
  const state = documentOf(options.sizeKb);
  const docName = `plans/storm-${randomUUID().slice(0, 8)}`;
  const idleRssMb = serverRss([server]).rssMb;
  /** @type {LightClient[]} */
  const clients = [];
  try {
    // The seeder writes the whole document as one update and stays connected.
    const seeder = new LightClient(await server.connectUrl(docName, 'seeder'));
    clients.push(seeder);
    await seeder.whenSynced;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, state);
    seeder.send(encoding.toUint8Array(encoder));
    // Wait until the server serves it: a probe syncs and gets (nearly) all of it.
    let probeBytes = 0;
    const deadline = performance.now() + 20_000;
    while (probeBytes < state.length * 0.9 && performance.now() < deadline) {
      const probe = new LightClient(await server.connectUrl(docName, 'probe'), {
        onSyncStep2: (update) => (probeBytes = update.length),
      });
      await probe.whenSynced;
      probe.close();
    }
    if (probeBytes < state.length * 0.9) throw new Error('the server did not take the document');
    const urls = await Promise.all(
      Array.from({ length: options.clients }, (_, i) => server.connectUrl(docName, `j${i}`)),
    );
    await waitUntil(() => false, 500);
    log(`  document of ${state.length} B loaded; ${options.clients} clients join at once`);
    const latencies = new LatencyRecorder();
    let full = 0;
    const window = startWindow([server]);
    const joiners = urls.map(
      (url) =>
        new LightClient(url, {
          onSyncStep2(update) {
            if (update.length >= state.length * 0.9) full += 1;
          },
        }),
    );
    clients.push(...joiners);
    await Promise.allSettled(joiners.map((client) => client.whenSynced));
    const allSyncedMs = Math.max(...joiners.map((c) => c.syncedAt - window.start));
    for (const client of joiners) {
      if (client.synced) latencies.add(client.syncedAt - window.start);
    }
    return await buildResult({
      latencies,
      expected: options.clients,
      received: full,
      window: window.stop(),
      servers: [server],
      clients,
      idleRssMb,
      extra: { allSyncedMs: Math.round(allSyncedMs), stateBytes: state.length },
    });
  } finally {
    for (const client of clients) client.close();
  }
}

export default {
  name: 'join-storm',
  description: '100 clients joining a 1 MB document at once (time to full sync per client)',
  defaults,
  run,
  /** @param {any} run */
  describeRun(run) {
    return `all ${run.expectedDeliveries} synced after ${run.allSyncedMs} ms (state ${run.stateBytes} B; µs/upd/recv = server CPU µs per joiner)`;
  },
  /** @param {{ ours: any, baseline: any }} pooled */
  target({ ours, baseline }) {
    return {
      text: 'our p99 ≤ reference p99 (no target in the issue; for orientation)',
      holds: ours.latencyMs.p99 <= baseline.latencyMs.p99,
    };
  },
};
