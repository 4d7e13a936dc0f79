import type { Role } from '@prozesswerkstatt/contract';
import { signServiceToken } from '@prozesswerkstatt/contract/token';
import { collabUrl, resolveCollabSecret } from './collab-token.js';
import { appConfig, type AppEnv } from './config.js';

/** Give up on the collab-server after this long, in ms (the user gets an error to retry). */
const REQUEST_TIMEOUT_MS = 15_000;

/** The collab-server could not be reached or refused the call; the user may try again. */
export class CollabUnavailableError extends Error {
  override readonly name = 'CollabUnavailableError';
}

/**
 * The collab-server's HTTP address for internal calls: `COLLAB_INTERNAL_URL`, or the browser
 * address `COLLAB_URL` with `ws`/`wss` turned into `http`/`https` (right when both run side by
 * side, as `scripts/start.mjs` starts them).
 */
export function collabInternalUrl(
  config: Partial<Pick<AppEnv, 'COLLAB_INTERNAL_URL' | 'COLLAB_URL'>> = appConfig(),
): string {
  const explicit = config.COLLAB_INTERNAL_URL;
  if (explicit) return explicit.replace(/\/+$/, '');
  return collabUrl(config)
    .replace(/^ws(s?):\/\//, 'http$1://')
    .replace(/\/+$/, '');
}

async function call(
  docName: string,
  action: string,
  actingUserId: string,
  body?: Uint8Array | { json: unknown },
): Promise<Response> {
  const url = `${collabInternalUrl()}/internal/documents/${encodeURIComponent(docName)}/${action}`;
  // A service token (`svc: "app"`, one minute, the collab secret) opens only the internal API.
  const token = await signServiceToken(docName, actingUserId, resolveCollabSecret());
  const json = body !== undefined && 'json' in body;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': json ? 'application/json' : 'application/octet-stream',
      },
      body:
        body === undefined
          ? undefined
          : 'json' in body
            ? JSON.stringify(body.json)
            : new Blob([body as Uint8Array<ArrayBuffer>]),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new CollabUnavailableError(`collab-server not reachable at ${url}`, { cause: error });
  }
  if (!response.ok) {
    const reason = (await response.text()).trim();
    throw new CollabUnavailableError(`collab-server answered ${response.status}: ${reason}`);
  }
  return response;
}

/**
 * The plan document's authoritative state as the collab-server holds it, including every update
 * it received before this call (`Y.encodeStateAsUpdate`).
 */
export async function fetchSnapshot(docName: string, actingUserId: string): Promise<Uint8Array> {
  const response = await call(docName, 'snapshot', actingUserId);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Writes a Yjs update to the plan document through the collab-server: stored, applied, sent live
 * to everyone online. Resolves once it is stored.
 */
export async function postUpdate(
  docName: string,
  update: Uint8Array,
  actingUserId: string,
): Promise<void> {
  await call(docName, 'updates', actingUserId, update);
}

/**
 * Tells the collab-server that `userId`'s role in the plan is now `role` (null: removed). It
 * closes that member's open connections on every instance with a named code; the board then
 * reopens in the new role or stops. Call after the change is committed.
 */
export async function postMemberChange(
  docName: string,
  actingUserId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  await call(docName, `members/${encodeURIComponent(userId)}`, actingUserId, { json: { role } });
}
