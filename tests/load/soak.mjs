// Soak test of our collab-server (not part of CI): many clients editing and sending presence at
// human rates for a long time, with some coming and going, then all leave. Reports RSS at the
// start (all clients connected), every `--report-s` seconds, at the end, and after everyone left
// and the idle unload passed; documents still loaded then (`collab_documents_loaded` from
// /metrics) are leaks. Finally every document is read back by a fresh client and its number of
// entries compared with the writes sent (nothing lost). At the start, at the end and after the
// unload the server is made to collect its garbage (through its inspector) before its heap and RSS
// are read, so what is reported as retained is retained, not garbage the collector had not reached.
//
//   node --expose-gc tests/load/soak.mjs [--clients 200] [--docs 20] [--duration-s 600]
//     [--edit-ms 2000] [--presence-ms 1500] [--churn-pct 2] [--idle-unload-ms 5000]
//     [--report-s 30] [--ours-env KEY=VALUE ...] [--json PATH]
//
// Needs built collab-server/dist. Exit code 1 if documents leaked, writes were lost, or the
// server died.
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { killAllChildren } from './lib/children.mjs';
import { LightClient } from './lib/light-client.mjs';
import { connectAll, latencySummary, LatencyRecorder, metricsSummary } from './lib/measure.mjs';
import { connectInspector } from './lib/inspector.mjs';
import { freePort, startOurServer } from './lib/servers.mjs';
import { round } from './lib/stats.mjs';

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
    clients: { type: 'string', default: '200' },
    docs: { type: 'string', default: '20' },
    'duration-s': { type: 'string', default: '600' },
    'edit-ms': { type: 'string', default: '2000' },
    'presence-ms': { type: 'string', default: '1500' },
    'churn-pct': { type: 'string', default: '2' },
    'idle-unload-ms': { type: 'string', default: '5000' },
    'report-s': { type: 'string', default: '30' },
    'ours-env': { type: 'string', multiple: true, default: [] },
    json: { type: 'string', default: join(here, 'results', 'soak.json') },
  },
});
const num = (/** @type {string | undefined} */ raw, /** @type {string} */ name) => {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
  return value;
};
const clientCount = num(args.clients, 'clients');
const docCount = Math.max(1, num(args.docs, 'docs'));
const durationMs = num(args['duration-s'], 'duration-s') * 1000;
const editMs = num(args['edit-ms'], 'edit-ms');
const presenceMs = num(args['presence-ms'], 'presence-ms');
const churnPct = num(args['churn-pct'], 'churn-pct');
const idleUnloadMs = num(args['idle-unload-ms'], 'idle-unload-ms');
const reportMs = num(args['report-s'], 'report-s') * 1000;
/** @type {Record<string, string>} */
const env = { COLLAB_IDLE_UNLOAD_MS: String(idleUnloadMs) };
for (const pair of args['ours-env'] ?? []) {
  const at = pair.indexOf('=');
  if (at < 1) throw new Error(`--ours-env expects KEY=VALUE, got "${pair}"`);
  env[pair.slice(0, at)] = pair.slice(at + 1);
}

const log = (/** @type {string} */ line) => console.log(line);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const docName = (/** @type {number} */ d) => `plans/soak-${d}`;

const inspectPort = await freePort();
const server = await startOurServer({
  repoRoot,
  nodeFlags: [`--inspect=127.0.0.1:${inspectPort}`],
  env,
});
const inspector = await connectInspector(inspectPort);
/** The server's memory after a full garbage collection, in MB. */
const memoryAfterGc = async () => {
  await inspector.collectGarbage();
  return inspector.memoryUsage();
};
log(
  `soak: ${clientCount} clients on ${docCount} documents for ${durationMs / 1000} s; edits every ` +
    `~${editMs} ms, presence every ~${presenceMs} ms, ${churnPct} % of clients reconnect per ` +
    `10 s; idle unload ${idleUnloadMs} ms; load average ${load()}`,
);

/** Per write key: send time, receivers expected at send time, receivers so far. */
/** @type {Map<string, { sent: number, expected: number, got: number }>} */
const writes = new Map();
const writesPerDoc = new Array(docCount).fill(0);
const latencies = new LatencyRecorder();
let intervalLatencies = new LatencyRecorder();
let delivered = 0;
let expectedTotal = 0;
let reconnects = 0;
let writeSeq = 0;
/** @type {Array<Set<Slot>>} */
const members = Array.from({ length: docCount }, () => new Set());

/**
 * One participant: a client, its document, its next edit and presence times.
 *
 * @typedef {{ index: number, doc: number, client: LightClient, nextEdit: number, nextPresence: number }} Slot
 */

/** @param {number} index */
async function connectSlot(index) {
  const doc = index % docCount;
  const client = new LightClient(await server.connectUrl(docName(doc), `soak${index}`), {
    onKey(key, arrival) {
      const entry = writes.get(key);
      if (!entry || entry.got >= entry.expected) return;
      entry.got += 1;
      delivered += 1;
      latencies.add(arrival - entry.sent);
      intervalLatencies.add(arrival - entry.sent);
    },
  });
  const now = performance.now();
  /** @type {Slot} */
  const slot = {
    index,
    doc,
    client,
    nextEdit: now + Math.random() * editMs * 2,
    nextPresence: now + Math.random() * presenceMs * 2,
  };
  return slot;
}

/** @type {Slot[]} */
const slots = await connectAll(clientCount, connectSlot, (slot) => slot.client.whenSynced, {
  what: `${clientCount} soak clients`,
});
for (const slot of slots) members[slot.doc].add(slot);
await sleep(1000);
const gcStart = await memoryAfterGc();
const rssStart = server.memory();
const metricsStart = await metricsSummary(server);
log(`all connected: RSS ${rssStart?.rssMb.toFixed(1)} MB, heap ${metricsStart?.heapUsedMb} MB`);

const started = performance.now();
let nextReport = started + reportMs;
let nextChurn = started + 10_000;
/** @type {any[]} */
const timeline = [];
while (performance.now() - started < durationMs && server.alive()) {
  const now = performance.now();
  for (const slot of slots) {
    const { client } = slot;
    if (!client.synced || client.closed) continue;
    if (now >= slot.nextEdit) {
      // human typing: bursts of a few keystrokes, then a pause
      const key = `k${writeSeq++}`;
      const others = [...members[slot.doc]].filter((m) => m !== slot && m.client.synced).length;
      writes.set(key, { sent: now, expected: others, got: 0 });
      expectedTotal += others;
      writesPerDoc[slot.doc] += 1;
      client.writeKey(key, now);
      slot.nextEdit =
        now + (Math.random() < 0.7 ? 150 + Math.random() * 250 : editMs * 2 * Math.random());
    }
    if (now >= slot.nextPresence) {
      client.sendAwareness(
        `{"user":{"name":"Soak ${slot.index}","color":"#e11d48"},"cursor":{"anchor":${writeSeq % 991},"head":${writeSeq % 991}}}`,
      );
      slot.nextPresence = now + presenceMs * (0.5 + Math.random());
    }
  }
  if (now >= nextChurn) {
    nextChurn += 10_000;
    const leaving = Math.round((slots.length * churnPct) / 100);
    for (let k = 0; k < leaving; k += 1) {
      const at = Math.floor(Math.random() * slots.length);
      const old = slots[at];
      members[old.doc].delete(old);
      // Gracefully: a reset would make the server drop what it had not read yet, i.e. lose the
      // last edit of a client that never re-sends it (a real provider would on reconnect).
      old.client.close(true);
      const fresh = await connectSlot(old.index);
      slots[at] = fresh;
      fresh.client.whenSynced.then(
        () => members[fresh.doc].add(fresh),
        () => {},
      );
      reconnects += 1;
    }
  }
  if (now >= nextReport) {
    nextReport += reportMs;
    const memory = server.memory();
    const metrics = await metricsSummary(server);
    const recent = latencySummary(intervalLatencies.values.subarray(0, intervalLatencies.count));
    intervalLatencies = new LatencyRecorder();
    const point = {
      s: Math.round((now - started) / 1000),
      rssMb: round(memory?.rssMb ?? NaN, 1),
      heapMb: metrics?.heapUsedMb,
      documentsLoaded: metrics?.documentsLoaded,
      connections: metrics?.connections,
      p99Ms: recent.p99,
      writes: writeSeq,
      load1: round(loadavg()[0], 2),
    };
    timeline.push(point);
    log(`  ${JSON.stringify(point)}`);
  }
  await sleep(20);
}

// Drain, then everyone leaves.
const drainUntil = performance.now() + 5000;
while (delivered < expectedTotal && performance.now() < drainUntil) await sleep(50);
const rssEnd = server.memory();
const metricsEnd = await metricsSummary(server);
const gcEnd = await memoryAfterGc();
for (const slot of slots) slot.client.close(true);
log(`all clients left; waiting ${idleUnloadMs} ms idle unload + 5 s`);
await sleep(idleUnloadMs + 5000);
const metricsAfter = await metricsSummary(server);
const rssAfter = server.memory();
const gcAfter = await memoryAfterGc();
inspector.close();

// Read every document back: entries must equal the writes sent to it.
let lost = 0;
for (let d = 0; d < docCount; d += 1) {
  let state = /** @type {Uint8Array | null} */ (null);
  const reader = new LightClient(await server.connectUrl(docName(d), 'checker'), {
    onSyncStep2: (update) => (state ??= update.slice()),
  });
  await reader.whenSynced;
  reader.close();
  const check = new Y.Doc();
  if (state) Y.applyUpdate(check, state);
  const size = check.getMap('bench').size;
  if (size !== writesPerDoc[d]) {
    lost += Math.max(0, writesPerDoc[d] - size);
    log(`  !! ${docName(d)}: ${size} entries stored, ${writesPerDoc[d]} written`);
  }
  check.destroy();
}
const alive = server.alive();
await server.stop();

const summary = {
  date: new Date().toISOString(),
  options: {
    clientCount,
    docCount,
    durationS: durationMs / 1000,
    editMs,
    presenceMs,
    churnPct,
    idleUnloadMs,
    env,
  },
  loadavgAtEnd: loadavg().map((v) => round(v, 2)),
  rssMb: {
    start: round(rssStart?.rssMb ?? NaN, 1),
    end: round(rssEnd?.rssMb ?? NaN, 1),
    afterUnload: round(rssAfter?.rssMb ?? NaN, 1),
    peak: round(rssAfter?.peakRssMb ?? NaN, 1),
  },
  heapMb: {
    start: metricsStart?.heapUsedMb,
    end: metricsEnd?.heapUsedMb,
    afterUnload: metricsAfter?.heapUsedMb,
  },
  afterFullGcMb: { start: gcStart, end: gcEnd, afterUnload: gcAfter },
  documentsLoadedAfterUnload: metricsAfter?.documentsLoaded ?? null,
  connectionsAfterUnload: metricsAfter?.connections ?? null,
  writes: writeSeq,
  reconnects,
  deliveries: { expected: expectedTotal, delivered, undelivered: expectedTotal - delivered },
  latencyMs: latencySummary(latencies.values.subarray(0, latencies.count)),
  lostWrites: lost,
  serverErrors: metricsEnd?.errors ?? null,
  serverAlive: alive,
  timeline,
};
log(JSON.stringify(summary, null, 2));
mkdirSync(dirname(resolve(args.json ?? '')), { recursive: true });
writeFileSync(resolve(args.json ?? ''), `${JSON.stringify(summary, null, 2)}\n`);
const leaked = (summary.documentsLoadedAfterUnload ?? 0) > 0;
log(
  `soak ${leaked || lost > 0 || !alive ? 'FAILED' : 'passed'}: RSS ${summary.rssMb.start} → ` +
    `${summary.rssMb.end} MB (after unload ${summary.rssMb.afterUnload} MB); heap after a full GC ` +
    `${gcStart.heapUsed} → ${gcEnd.heapUsed} → ${gcAfter.heapUsed} MB (start → end → after unload), ` +
    `${summary.documentsLoadedAfterUnload} documents still loaded, ${lost} writes lost`,
);
killAllChildren();
process.exit(leaked || lost > 0 || !alive ? 1 : 0);
