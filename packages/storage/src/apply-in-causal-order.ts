import type * as YModule from 'yjs';

/**
 * Applies a document's log entries to `doc`, in one transaction, in an order Yjs can integrate
 * without parking them: in log order, except that an entry that refers to something not in the
 * document yet is taken back and applied after all the others (still in log order).
 *
 * Why: Yjs keeps the part of an update it cannot integrate as pending, and merges every later
 * update it cannot integrate into that pending update, which is quadratic. A log written before
 * compaction kept the log's causal order has the merged entry behind the edits appended while it
 * was built, so a load applied thousands of updates before the one they depend on (10,000 edits,
 * 5,000 of them ahead of the merged entry: 7.5 s instead of 0.2 s). Here an entry that leaves
 * something pending is noticed right away (the store's pending fields were empty before it), its
 * parked rest is dropped and the whole entry applied again later; what of it was integrated is
 * skipped then, as Yjs skips anything it already has. A log in causal order never parks, so this
 * costs it nothing.
 *
 * `Y` is passed in so that a test can watch what Yjs does; the merge thread (`merge-thread.ts`)
 * and the inline merge (`merge-log.ts`) both run this function.
 */
export function applyInCausalOrder(
  Y: typeof YModule,
  doc: YModule.Doc,
  entries: Iterable<Uint8Array>,
): void {
  const store = doc.store;
  doc.transact(() => {
    const later: Uint8Array[] = [];
    for (const entry of entries) {
      Y.applyUpdate(doc, entry);
      if (store.pendingStructs === null && store.pendingDs === null) continue;
      store.pendingStructs = null;
      store.pendingDs = null;
      later.push(entry);
    }
    for (const entry of later) Y.applyUpdate(doc, entry);
  });
}
