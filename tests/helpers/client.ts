import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { signToken } from './tokens.js';
import { waitUntil } from './wait.js';

/** A stock y-websocket client in Node, as a browser would use it. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Disconnects and frees the document. */
  destroy(): void;
}

/** Options of {@link connectClient}. */
export interface ConnectOptions {
  role?: string;
  sub?: string;
  name?: string;
  doc?: Y.Doc;
  /** Wait until the first sync with the server finished (default true). */
  waitForSync?: boolean;
  secret?: string;
}

/** Connects a stock `WebsocketProvider` to `serverUrl` for `docName` with a freshly signed token. */
export async function connectClient(
  serverUrl: string,
  docName: string,
  options: ConnectOptions = {},
): Promise<TestClient> {
  const { role = 'editor', sub = 'user-1', name = sub, waitForSync = true } = options;
  const doc = options.doc ?? new Y.Doc();
  const token = await signToken({ doc: docName, role, sub, name }, options.secret);
  const provider = new WebsocketProvider(serverUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  if (waitForSync) await waitUntil(() => provider.synced, { what: `sync of ${docName}` });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
