import { signServiceToken } from './tokens.js';

/** `ws://host:port` of a test server → `http://host:port`. */
function httpBase(serverUrl: string): string {
  return serverUrl.replace(/^ws/, 'http');
}

/** Calls the internal API like the app does; returns the raw response. */
export async function callInternal(
  serverUrl: string,
  docName: string,
  action: 'snapshot' | 'updates',
  options: { body?: Uint8Array; token?: string; method?: string } = {},
): Promise<Response> {
  const token = options.token ?? (await signServiceToken(docName));
  return fetch(
    `${httpBase(serverUrl)}/internal/documents/${encodeURIComponent(docName)}/${action}`,
    {
      method: options.method ?? 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: options.body ? new Blob([options.body as Uint8Array<ArrayBuffer>]) : undefined,
    },
  );
}

/** The authoritative state of a document (throws on a non-2xx answer). */
export async function snapshot(serverUrl: string, docName: string): Promise<Uint8Array> {
  const response = await callInternal(serverUrl, docName, 'snapshot');
  if (!response.ok) throw new Error(`snapshot: ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Writes an update through the collab-server (throws on a non-2xx answer). */
export async function postUpdate(
  serverUrl: string,
  docName: string,
  update: Uint8Array,
): Promise<void> {
  const response = await callInternal(serverUrl, docName, 'updates', { body: update });
  if (!response.ok) throw new Error(`updates: ${response.status} ${await response.text()}`);
}
