// Scenario: cold load. A document written as 10,000 small updates lies in storage; one client
// connects and we time connect → the server's full sync step 2 (the document is not in memory,
// so this includes reading and merging it). Ours: the SQLite database seeded by appending the
// 10,000 updates one by one through @prozesswerkstatt/storage, i.e. what the server would have
// stored while they were typed. Comparison: Hocuspocus with extension-database, whose store keeps
// the whole state as one blob (full document rewrite), seeded with the same document. The
// in-memory reference has no storage. `samples` documents per run, each loaded once (the first
// load of a process also pays JIT).
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { LightClient } from '../lib/light-client.mjs';
import { buildResult, LatencyRecorder, serverRss, startWindow } from '../lib/measure.mjs';
import { seedHocuspocus, seedOurs } from '../lib/servers.mjs';

/** @param {boolean} quick */
function defaults(quick) {
  return { updates: quick ? 500 : 10_000, samples: quick ? 2 : 6 };
}

/**
 * How ours is seeded; Hocuspocus gets the same one blob in each. `log`: no compaction (10,000 log
 * entries). The other two as the running server writes the log: a background compaction every 500
 * appends (the default `COLLAB_COMPACT_AFTER_UPDATES`) merging on the merge thread while the
 * appends go on, so edits are stored while it merges. `streamed` stops there, as a crash would
 * leave the log; `compacted` compacts once more at the end, as the server does when the last
 * client leaves (unload) or on a graceful shutdown.
 *
 * @param {ReturnType<typeof defaults>} options
 */
function variants(options) {
  return [
    { label: 'log', ...options, compactEvery: Infinity, compactAtEnd: false },
    { label: 'streamed', ...options, compactEvery: 500, compactAtEnd: false },
    { label: 'compacted', ...options, compactEvery: 500, compactAtEnd: true },
  ];
}

/**
 * A deterministic document of `count` small updates, like typing into a plan: 80 % inserts of
 * 1–8 characters at varying positions, 10 % deletions, 10 % field changes in a map.
 *
 * @param {number} count
 */
function buildDocument(count) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const doc = new Y.Doc();
  /** @type {Uint8Array[]} */
  const updates = [];
  doc.on('update', (/** @type {Uint8Array} */ update) => updates.push(update));
  const text = doc.getText('body');
  const fields = doc.getMap('fields');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz äöü.,';
  while (updates.length < count) {
    const roll = random();
    if (roll < 0.8 || text.length < 20) {
      const length = 1 + Math.floor(random() * 8);
      let chunk = '';
      for (let i = 0; i < length; i += 1) chunk += alphabet[Math.floor(random() * alphabet.length)];
      // mostly at the end of a recent position, like typing
      const at = Math.min(text.length, Math.floor(text.length * (0.7 + 0.3 * random())));
      text.insert(at, chunk);
    } else if (roll < 0.9) {
      const at = Math.floor(random() * (text.length - 3));
      text.delete(at, 1 + Math.floor(random() * 3));
    } else {
      fields.set(`field-${Math.floor(random() * 200)}`, `value ${updates.length}`);
    }
  }
  return { updates, state: Y.encodeStateAsUpdate(doc), textLength: text.length };
}

/** @type {Map<number, ReturnType<typeof buildDocument>>} */
const built = new Map();

/** @param {number} count */
function documentOf(count) {
  let doc = built.get(count);
  if (!doc) {
    doc = buildDocument(count);
    built.set(count, doc);
  }
  return doc;
}

/** @type {string} */
const runId = randomUUID().slice(0, 6);
/** @param {number} i */
const docNameOf = (i) => `plans/cold-${runId}-${i}`;

/**
 * @param {string} kind
 * @param {ReturnType<typeof variants>[number]} options
 */
function launchOptions(kind, options) {
  const doc = documentOf(options.updates);
  return {
    /** @param {string} dataDir */
    async seed(dataDir) {
      const started = performance.now();
      /** @type {string[]} */
      const logs = [];
      for (let i = 0; i < options.samples; i += 1) {
        if (kind === 'ours') {
          const { compactEvery, compactAtEnd } = options;
          const seeded = await seedOurs(
            dataDir,
            docNameOf(i),
            doc.updates,
            compactEvery,
            compactAtEnd,
          );
          logs.push(`${seeded.entries} (${seeded.appendedWhileMerging} while merging)`);
        } else seedHocuspocus(dataDir, docNameOf(i), doc.state);
      }
      const what =
        kind === 'ours'
          ? `${doc.updates.length} appends, log entries left ${logs.join(', ')}`
          : `one ${doc.state.length}-byte blob`;
      console.log(
        `  seeded ${options.samples} × ${what} in ${Math.round(performance.now() - started)} ms`,
      );
    },
  };
}

/**
 * @param {object} context
 * @param {import('../lib/servers.mjs').RunningServer} context.server
 * @param {string} context.kind
 * @param {ReturnType<typeof defaults>} context.options
 * @param {(line: string) => void} context.log
 */
async function run({ server, kind, options }) {
  const doc = documentOf(options.updates);
  const idleRssMb = serverRss([server]).rssMb;
  const latencies = new LatencyRecorder();
  /** @type {number[]} */
  const samples = [];
  let verified = 0;
  /** @type {LightClient[]} */
  const clients = [];
  const window = startWindow([server]);
  for (let i = 0; i < options.samples; i += 1) {
    const docName = docNameOf(i);
    const url = await server.connectUrl(docName, `cold${i}`);
    /** @type {Uint8Array | null} */
    let state = null;
    const started = performance.now();
    const client = new LightClient(url, {
      hocuspocus: kind === 'hocuspocus' ? { docName, token: 'bench' } : undefined,
      onSyncStep2(update) {
        state ??= update.slice();
      },
    });
    clients.push(client);
    await client.whenSynced;
    const ms = client.syncedAt - started;
    latencies.add(ms);
    samples.push(Math.round(ms * 10) / 10);
    // Check that the full document arrived (outside the timing).
    const check = new Y.Doc();
    if (state) Y.applyUpdate(check, state);
    if (check.getText('body').length === doc.textLength) verified += 1;
    check.destroy();
    client.close();
  }
  return buildResult({
    latencies,
    expected: options.samples,
    received: verified,
    window: window.stop(),
    servers: [server],
    clients: [],
    idleRssMb,
    extra: { samplesMs: samples, stateBytes: doc.state.length },
  });
}

export default {
  name: 'cold-load',
  description:
    'time to first full sync of a 10,000-update document loaded from storage (vs Hocuspocus blob)',
  kinds: ['hocuspocus', 'ours'],
  defaults,
  variants,
  launchOptions,
  run,
  buildDocument,
  /** @param {any} run */
  describeRun(run) {
    return `per load ms ${run.samplesMs.join(', ')} (state ${run.stateBytes} B; undelivered = loads whose content did not verify; µs/upd/recv = server CPU µs per load)`;
  },
  /** @param {{ ours: any, baseline: any }} pooled */
  target({ ours, baseline }) {
    return {
      text: 'our cold load p50 < 0.5 × Hocuspocus p50',
      holds: ours.latencyMs.p50 < 0.5 * baseline.latencyMs.p50,
    };
  },
};
