import { randomUUID } from 'node:crypto';
import type { DocumentStorage } from '@prozesswerkstatt/storage';
import type { Awareness } from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { connectClient } from './client.js';
import { waitUntil } from './wait.js';

/** Root map the barrier writes its markers into (no plan reads it). */
const BARRIER_MAP = 'test-barrier';

/**
 * Waits until the collab-server has stored and relayed everything it took for `docName` before
 * this call, so a test can then assert that something refused earlier did NOT arrive, without
 * sleeping. A fresh editor connection writes a marker; the server keeps one queue per document,
 * stores before it relays and relays in that order, so once every observer (a connected client's
 * document) has the marker, and `storage` (if given) holds it, any earlier update the server took
 * (one it should have refused, say) has been stored and relayed too.
 *
 * Only meaningful for updates the server has demonstrably taken before the call (an answer on
 * the same connection, such as the permission-denied message, proves that). Returns the user id
 * the marker was written as.
 */
export async function writeBarrier(
  serverUrl: string,
  docName: string,
  { observers = [], storage }: { observers?: Y.Doc[]; storage?: DocumentStorage } = {},
): Promise<string> {
  const marker = randomUUID();
  const sub = `barrier-${marker}`;
  const writer = await connectClient(serverUrl, docName, { sub });
  try {
    writer.doc.getMap(BARRIER_MAP).set(marker, true);
    await waitUntil(() => observers.every((doc) => doc.getMap(BARRIER_MAP).has(marker)), {
      what: 'the barrier marker to reach every observer',
    });
    if (storage) {
      await waitUntil(
        async () => {
          const state = await storage.loadDocument(docName);
          if (!state) return false;
          const stored = new Y.Doc();
          Y.applyUpdate(stored, state);
          return stored.getMap(BARRIER_MAP).has(marker);
        },
        { what: 'the barrier marker to be stored' },
      );
    }
    return sub;
  } finally {
    writer.destroy();
  }
}

/**
 * The same for presence: a fresh connection announces itself and this waits until every
 * observer's awareness has its state. The server merges presence changes into one frame per
 * interval, in order, so a change it took earlier has reached the observers by then.
 */
export async function presenceBarrier(
  serverUrl: string,
  docName: string,
  observers: Awareness[],
): Promise<void> {
  const marker = await connectClient(serverUrl, docName, {
    role: 'viewer',
    sub: 'presence-barrier',
  });
  try {
    marker.provider.awareness.setLocalStateField('barrier', true);
    const id = marker.doc.clientID;
    await waitUntil(() => observers.every((awareness) => awareness.getStates().has(id)), {
      what: 'the presence marker to reach every observer',
    });
  } finally {
    marker.destroy();
  }
}

/**
 * Records the reasons of permission-denied messages a stock provider receives (y-websocket only
 * logs them), so a test can wait for the server's refusal instead of sleeping.
 */
export function recordPermissionDenials(provider: WebsocketProvider): string[] {
  const reasons: string[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) =>
    authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => reasons.push(reason));
  return reasons;
}
