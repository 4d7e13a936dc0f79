// Scenario: presence. K clients (default 500) on one document, each sending a y-protocols
// awareness update once a second (sends spread evenly over the second, the clock rising by one
// each time); every other client records when it learns of each state.
//
// Delivery rule (a server may merge or throttle presence): a receiver that gets clock c of
// sender s has received every clock of s up to c, each at that arrival time; intermediate
// states it never saw individually count as delivered then, not as lost. Latency of (s, c) at a
// receiver = first arrival of a state of s with clock ≥ c, minus the time s sent c. Undelivered =
// (receiver, sender, clock) triples not covered when the drain ends.
import { randomUUID } from 'node:crypto';
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

/** @param {boolean} quick */
function defaults(quick) {
  return {
    clients: quick ? 20 : 500,
    durationS: quick ? 3 : 20,
    warmupS: quick ? 1 : 3,
    drainMs: 5000,
  };
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {ReturnType<typeof defaults>} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, options, log }) {
  const { clients: n, durationS, warmupS, drainMs } = options;
  const docName = `plans/presence-${randomUUID().slice(0, 8)}`;
  const idleRssMb = serverRss([server]).rssMb;
  const perSender = durationS + 2;
  // sendTimes[s * perSender + clock]; clocks start at 1
  const sendTimes = new Float64Array(n * perSender).fill(NaN);
  // lastClock[r * n + s]: highest clock of sender s that receiver r has seen
  const lastClock = new Uint16Array(n * n);
  /** @type {Map<number, number>} awareness client id -> sender index */
  const senderOf = new Map();
  const latencies = new LatencyRecorder(n * n * durationS);
  let received = 0;
  let measureFrom = Infinity;

  /** @type {LightClient[]} */
  let clients = [];
  try {
    clients = await connectAll(
      n,
      async (r) =>
        new LightClient(await server.connectUrl(docName, `p${r}`), {
          onAwareness(clientId, clock, arrival) {
            const s = senderOf.get(clientId);
            if (s === undefined || s === r) return;
            const at = r * n + s;
            const last = lastClock[at];
            if (clock <= last) return;
            lastClock[at] = Math.min(clock, perSender - 1);
            for (let c = last + 1; c <= clock && c < perSender; c += 1) {
              const sent = sendTimes[s * perSender + c];
              if (Number.isNaN(sent)) continue;
              received += 1;
              if (sent >= measureFrom) latencies.add(arrival - sent);
            }
          },
        }),
      (client) => client.whenSynced,
      { what: `${n} presence clients` },
    );
    clients.forEach((client, s) => senderOf.set(client.clientId, s));
    log(`  ${n} clients synced; each sends presence once a second for ${durationS} s`);
    const window = startWindow([server]);
    measureFrom = window.start + warmupS * 1000;
    const total = n * durationS;
    const spacingMs = 1000 / n;
    let sent = 0;
    let expected = 0;
    while (sent < total && server.alive()) {
      const due = Math.min(total, Math.floor((performance.now() - window.start) / spacingMs) + 1);
      for (; sent < due; sent += 1) {
        const s = sent % n;
        const client = clients[s];
        if (client.closed) continue;
        const clock = client.awarenessClock + 1;
        const now = performance.now();
        sendTimes[s * perSender + clock] = now;
        client.sendAwareness(
          `{"user":{"name":"Teilnehmer ${s}","color":"#3b82f6"},` +
            `"cursor":{"anchor":${sent % 977},"head":${sent % 977}}}`,
        );
        expected += n - 1;
      }
      await sleep(2);
    }
    await waitUntil(() => received >= expected || !server.alive(), drainMs);
    return await buildResult({
      latencies,
      expected,
      received,
      window: window.stop(),
      servers: [server],
      clients,
      idleRssMb,
    });
  } finally {
    for (const client of clients) client.close();
  }
}

export default {
  name: 'presence',
  description: '500 clients on one document, each sending presence (awareness) once a second',
  defaults,
  run,
  /** @param {{ ours: any }} pooled */
  target({ ours }) {
    return {
      text: 'ours p95 < 100 ms and nothing undelivered',
      holds: ours.latencyMs.p95 < 100 && ours.undelivered === 0,
    };
  },
};
