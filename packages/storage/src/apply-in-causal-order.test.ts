import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyInCausalOrder } from './apply-in-causal-order.js';

/** `count` updates of one person typing, each its own update. */
function typing(doc: Y.Doc, count: number, from = 0): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', record);
  const text = doc.getText('notes');
  for (let i = from; i < from + count; i++) {
    if (i % 10 === 9) text.delete(text.length - 2, 1);
    else text.insert(text.length, `w${i} `);
  }
  doc.off('update', record);
  return updates;
}

/**
 * Yjs, but every `applyUpdate` must find nothing pending: no entry is merged into the parked rest
 * of earlier ones, which is what makes an out-of-order log quadratic.
 */
const yWithoutPileUp: typeof Y = {
  ...Y,
  applyUpdate(doc: Y.Doc, update: Uint8Array, origin?: unknown) {
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
    Y.applyUpdate(doc, update, origin);
  },
};

describe('applyInCausalOrder', () => {
  it('applies a merged entry stored after the edits that build on it before them', () => {
    const author = new Y.Doc();
    const merged = Y.mergeUpdates(typing(author, 300));
    const appendedWhileMerging = typing(author, 200, 300);
    const later = typing(author, 20, 500);
    // The log as compaction used to leave it: the merged entry behind the edits made meanwhile.
    const log = [...appendedWhileMerging, merged, ...later];

    const doc = new Y.Doc();
    applyInCausalOrder(yWithoutPileUp, doc, log);

    expect(doc.getText('notes').toString()).toBe(author.getText('notes').toString());
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(author));
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  });

  it('integrates another author’s edit that refers to content applied later', () => {
    const first = new Y.Doc();
    const base = Y.mergeUpdates(typing(first, 50));
    const second = new Y.Doc();
    Y.applyUpdate(second, base);
    // The second author's own history starts here, so only the reference to `base` is missing.
    const reply = typing(second, 30, 50);
    const log = [...reply, base];

    const doc = new Y.Doc();
    applyInCausalOrder(yWithoutPileUp, doc, log);

    expect(doc.getText('notes').toString()).toBe(second.getText('notes').toString());
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  });
});
