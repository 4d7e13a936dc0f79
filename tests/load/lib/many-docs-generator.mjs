// One load-generator child of the many-documents scenario (`--generators K`): runs its share of
// the documents (all 4 clients of each, so a write and its arrivals are timed on one clock) and
// reports its samples, deliveries and own CPU / event-loop delay to the parent over IPC.
//
// Messages: parent → { type: 'setup', urls, durationS, warmupS, drainMs }, then { type: 'start' },
// then { type: 'close' }; child → { type: 'synced' }, { type: 'result', ... }, { type: 'error' }.
import { setTimeout as sleep } from 'node:timers/promises';
import { LightClient } from './light-client.mjs';
import { closeReasons, connectAll, LatencyRecorder, startWindow, waitUntil } from './measure.mjs';

const CLIENTS_PER_DOC = 4;

/** @type {LightClient[]} */
let clients = [];
/** @type {(() => void) | null} */
let startSignal = null;
const started = new Promise((resolve) => {
  startSignal = () => resolve(undefined);
});

/** @param {any} message */
const send = (message) => process.send?.(message);

/**
 * @param {{ urls: string[], durationS: number, warmupS: number, drainMs: number }} setup
 */
async function run({ urls, durationS, warmupS, drainMs }) {
  const total = urls.length;
  const maxWrites = total * durationS;
  const sendTimes = new Float64Array(maxWrites).fill(NaN);
  const deliveries = new Uint8Array(maxWrites);
  const latencies = new LatencyRecorder(maxWrites * 3);
  let received = 0;
  let measureFrom = Infinity;
  clients = await connectAll(
    total,
    async (i) =>
      new LightClient(urls[i], {
        onKey(key, arrival) {
          const id = Number(key);
          if (!(id >= 0 && id < maxWrites) || deliveries[id] >= CLIENTS_PER_DOC - 1) return;
          deliveries[id] += 1;
          received += 1;
          if (sendTimes[id] >= measureFrom) latencies.add(arrival - sendTimes[id]);
        },
      }),
    (client) => client.whenSynced,
    { what: `${total} clients`, timeoutMs: 120_000 },
  );
  send({ type: 'synced' });
  await started;
  const window = startWindow([]);
  measureFrom = window.start + warmupS * 1000;
  const spacingMs = 1000 / total;
  let written = 0;
  while (written < maxWrites) {
    const due = Math.min(maxWrites, Math.floor((performance.now() - window.start) / spacingMs) + 1);
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
  await waitUntil(() => received >= expected, drainMs);
  const stopped = window.stop();
  send({
    type: 'result',
    latencies: latencies.values.subarray(0, latencies.count),
    expected,
    received,
    windowMs: stopped.windowMs,
    generator: stopped.generator,
    closedDuringRun: closeReasons(clients),
  });
}

process.on('message', (/** @type {any} */ message) => {
  if (message.type === 'setup') {
    run(message).catch((error) => {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  } else if (message.type === 'start') {
    startSignal?.();
  } else if (message.type === 'close') {
    for (const client of clients) client.close();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
