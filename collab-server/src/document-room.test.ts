import { MemoryDocumentStorage } from '@prozesswerkstatt/storage';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultLimits } from './config.js';
import { DocumentRoom } from './document-room.js';
import { createLogger } from './logger.js';
import { CollabMetrics } from './metrics.js';
import { noRelay } from './relay/document-relay.js';
import { ServicePeer } from './service-peer.js';

/** Memory storage whose appends each wait until the test lets them through. */
class GatedStorage extends MemoryDocumentStorage {
  readonly gates: (() => void)[] = [];

  constructor() {
    super({ logger: () => {} });
  }

  override async appendUpdates(name: string, updates: readonly Uint8Array[]): Promise<void> {
    await new Promise<void>((open) => this.gates.push(open));
    return super.appendUpdates(name, updates);
  }

  /** Lets the oldest waiting append through and gives the room a moment to react. */
  async openNext(): Promise<void> {
    this.gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function keystroke(doc: Y.Doc, key: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getMap('plan').set(key, key);
  return update;
}

describe('DocumentRoom.flushed', () => {
  it('waits for the updates received before the call, not for those that keep arriving', async () => {
    const storage = new GatedStorage();
    const room = new DocumentRoom('plans/flush', null, 0, {
      storage,
      metrics: new CollabMetrics(),
      logger: createLogger('silent'),
      limits: defaultLimits,
      relay: noRelay,
    });
    const writer = new ServicePeer({ userId: 'u1', docName: 'plans/flush' });
    const source = new Y.Doc();
    room.writeFromService(writer, keystroke(source, 'a')); // batch 1, its append waits
    await new Promise((resolve) => setImmediate(resolve));
    room.writeFromService(writer, keystroke(source, 'b')); // queued behind it
    let flushed = false;
    const flushing = room.flushed().then(() => (flushed = true));

    await storage.openNext(); // batch 1 stored; batch 2 ("b") starts
    room.writeFromService(writer, keystroke(source, 'c')); // arrives after the call
    expect(flushed).toBe(false);
    await storage.openNext(); // batch 2 stored: everything before the call is in
    await flushing;
    expect(room.doc.getMap('plan').toJSON()).toEqual({ a: 'a', b: 'b' });

    await storage.openNext(); // "c"
    await room.flushed();
    expect(room.doc.getMap('plan').toJSON()).toEqual({ a: 'a', b: 'b', c: 'c' });
    room.destroy();
  });
});
