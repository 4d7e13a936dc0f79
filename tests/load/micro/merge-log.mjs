// Micro-benchmark behind the cold-load finding: how long merging a document's log of N small
// updates takes with Y.mergeUpdates (what storage's mergeLog does on every load) versus applying
// the entries to one Y.Doc and encoding its state once.
//   node tests/load/micro/merge-log.mjs [N ...]   (default 1000 2500 5000 10000)
import * as Y from 'yjs';
import coldLoad from '../scenarios/cold-load.mjs';

const counts = process.argv.slice(2).map(Number);
for (const count of counts.length ? counts : [1000, 2500, 5000, 10_000]) {
  const { updates, state } = coldLoad.buildDocument(count);
  let started = performance.now();
  const merged = Y.mergeUpdates(updates);
  const mergeMs = performance.now() - started;
  started = performance.now();
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const viaDoc = Y.encodeStateAsUpdate(doc);
  const applyMs = performance.now() - started;
  started = performance.now();
  const fromState = new Y.Doc();
  Y.applyUpdate(fromState, state);
  const stateMs = performance.now() - started;
  console.log(
    `${count} entries: Y.mergeUpdates ${mergeMs.toFixed(0)} ms (${merged.length} B); ` +
      `apply to one Y.Doc + encode ${applyMs.toFixed(0)} ms (${viaDoc.length} B); ` +
      `apply the one merged blob ${stateMs.toFixed(0)} ms (${state.length} B)`,
  );
}
