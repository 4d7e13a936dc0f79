import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { signServiceToken } from './tokens.js';
import { waitUntil } from './wait.js';

/** y-websocket message type of auth messages (permission denied). */
const MESSAGE_AUTH = 2;

/** A stock y-websocket client that records how the server closed it and refused its writes. */
export interface WatchedClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closeCodes: number[];
  /** `performance.now()` of the first close by the server, or null. */
  closedAt: number | null;
  /** How often the server answered a write with "permission denied". */
  refusals: number;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` with a given token (as the app issued it). */
export function watchClient(serverUrl: string, docName: string, token: string): WatchedClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  const client: WatchedClient = {
    doc,
    provider,
    closeCodes: [],
    closedAt: null,
    refusals: 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('connection-close', (event) => {
    if (!event) return;
    client.closeCodes.push(event.code);
    client.closedAt ??= performance.now();
  });
  // The stock handler only logs; count instead (the same hook the board uses).
  provider.messageHandlers[MESSAGE_AUTH] = () => void client.refusals++;
  return client;
}

/** Waits until the client is synced with the server. */
export function synced(client: WatchedClient): Promise<void> {
  return waitUntil(() => client.provider.synced, { what: 'sync' });
}

/** Waits for the server to close the client and returns the code and the ms since `since`. */
export async function closeOf(
  client: WatchedClient,
  since: number,
): Promise<{ code: number | undefined; afterMs: number }> {
  await waitUntil(() => client.closedAt !== null, { what: 'the server to close the connection' });
  return { code: client.closeCodes[0], afterMs: (client.closedAt ?? 0) - since };
}

/**
 * Posts an access change to a collab-server's internal API with a service token of the app:
 * `members/<userId>` with `{ role }` (null: removed), or `deleted`.
 */
export async function postAccessChange(
  serverUrl: string,
  docName: string,
  change: { userId: string; role: string | null } | 'deleted',
): Promise<Response> {
  const base = `${serverUrl.replace(/^ws/, 'http')}/internal/documents/${encodeURIComponent(docName)}`;
  const token = await signServiceToken(docName, 'facilitator');
  return change === 'deleted'
    ? fetch(`${base}/deleted`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    : fetch(`${base}/members/${encodeURIComponent(change.userId)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: change.role }),
      });
}
