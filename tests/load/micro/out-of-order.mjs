// Micro-benchmark behind the cold-load fix: merging a 10,000-edit log whose merged entry was
// written behind the K edits appended while it was built (what compaction used to leave), with
// Yjs applying in id order (the old loader), with storage's applyInCausalOrder (the loader now),
// and with Y.mergeUpdates; and the same log in causal order.
//   pnpm build (for storage's dist), then node tests/load/micro/out-of-order.mjs [N] [K]   (default 10000 2000)
import * as Y from 'yjs';
import { applyInCausalOrder } from '@prozesswerkstatt/storage';
import coldLoad from '../scenarios/cold-load.mjs';

const count = Number(process.argv[2] ?? 10_000);
const behind = Number(process.argv[3] ?? 2000);
const { updates } = coldLoad.buildDocument(count);
const cut = count - behind - 500;
const merged = Y.mergeUpdates(updates.slice(0, cut));
const logs = {
  'causal order': [merged, ...updates.slice(cut)],
  [`merged entry behind ${behind} edits`]: [
    ...updates.slice(cut, cut + behind),
    merged,
    ...updates.slice(cut + behind),
  ],
};

/** @param {(doc: Y.Doc, log: Uint8Array[]) => void} apply @param {Uint8Array[]} log */
function encodeAfter(apply, log) {
  const doc = new Y.Doc();
  apply(doc, log);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const loaders = {
  'in id order': (/** @type {Y.Doc} */ doc, /** @type {Uint8Array[]} */ log) =>
    doc.transact(() => log.forEach((entry) => Y.applyUpdate(doc, entry))),
  applyInCausalOrder: (/** @type {Y.Doc} */ doc, /** @type {Uint8Array[]} */ log) =>
    applyInCausalOrder(Y, doc, log),
  'Y.mergeUpdates': (/** @type {Y.Doc} */ doc, /** @type {Uint8Array[]} */ log) =>
    Y.applyUpdate(doc, Y.mergeUpdates(log)),
};

for (const [logName, log] of Object.entries(logs)) {
  for (const [loaderName, apply] of Object.entries(loaders)) {
    const started = performance.now();
    const bytes = encodeAfter(apply, log).length;
    console.log(
      `${logName}, ${loaderName}: ${(performance.now() - started).toFixed(0)} ms (${bytes} B)`,
    );
  }
}
