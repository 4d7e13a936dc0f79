import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { TokenError, verifyServiceToken } from '@prozesswerkstatt/contract/token';
import type { CollabHub } from '../hub.js';
import type { Logger } from '../logger.js';
import { parseAccessChange, type AccessChange } from '../access/access-change.js';

/** Prefix of the internal API's paths. */
export const INTERNAL_PREFIX = '/internal/documents/';

/** What the internal API needs from its server. */
export interface InternalApiDeps {
  hub: CollabHub;
  key: Uint8Array;
  /** Largest accepted request body in bytes (the WebSocket message limit). */
  maxBodyBytes: number;
  logger: Logger;
  /** Parses a percent-encoded document name as in a WebSocket path; null when unacceptable. */
  documentName(encoded: string): string | null;
  /** False while shutting down. */
  accepting(): boolean;
}

/** A request the API refuses, with its status and a plain-text reason. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** `<name>/members/<userId>`: a member's access changed (body `{ "role": <role or null> }`). */
const MEMBER_PATH = /^([^/]+)\/members\/([^/]+)$/;

/**
 * Serves `POST /internal/documents/<name>/snapshot` (the authoritative state, after everything
 * received before the call is stored), `POST /internal/documents/<name>/updates` (body: one Yjs
 * update, written like an editor's), and the access changes `…/members/<userId>` and `…/deleted`.
 * All need a service token of the app (see PROTOCOL.md). Bad input gets a 4xx with a reason;
 * nothing reaches the document unless it decodes.
 */
export async function serveInternal(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: InternalApiDeps,
): Promise<void> {
  try {
    const rest = path.slice(INTERNAL_PREFIX.length);
    const member = MEMBER_PATH.exec(rest);
    if (member || rest.endsWith('/deleted')) {
      const encodedName = member ? (member[1] as string) : rest.slice(0, -'/deleted'.length);
      await serveAccessChange(req, res, encodedName, member?.[2] ?? null, deps);
      return;
    }
    const slash = rest.lastIndexOf('/');
    const action = rest.slice(slash + 1);
    const name = slash > 0 ? deps.documentName(rest.slice(0, slash)) : null;
    if (action !== 'snapshot' && action !== 'updates') throw new HttpRefusal(404, 'not found');
    if (req.method !== 'POST') throw new HttpRefusal(405, 'use POST');
    if (name === null) throw new HttpRefusal(400, 'invalid document name');
    if (!deps.accepting()) throw new HttpRefusal(503, 'server is shutting down');
    const caller = await verifyServiceToken(req.headers.authorization, deps.key, name);
    const body = await readBody(req, deps.maxBodyBytes);
    if (action === 'snapshot') {
      const state = await deps.hub.snapshot(name);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(state);
      return;
    }
    if (!decodes(body)) throw new HttpRefusal(400, 'body is not a Yjs update');
    await deps.hub.applyServiceUpdate(name, body, caller);
    res.writeHead(204).end();
  } catch (error) {
    if (error instanceof TokenError) return refuse(res, error.status, error.reason);
    if (error instanceof HttpRefusal) return refuse(res, error.status, error.reason);
    deps.logger.error({ err: error, path }, 'internal request failed');
    refuse(res, 500, 'the document could not be read or written; try again');
  }
}

/**
 * A member's new role (`{ "role": "viewer" }`), removal (`{ "role": null }`) or, without a user,
 * the plan's deletion: the affected connections on every instance are closed (204).
 */
async function serveAccessChange(
  req: IncomingMessage,
  res: ServerResponse,
  encodedName: string,
  encodedUserId: string | null,
  deps: InternalApiDeps,
): Promise<void> {
  if (req.method !== 'POST') throw new HttpRefusal(405, 'use POST');
  const name = deps.documentName(encodedName);
  if (name === null) throw new HttpRefusal(400, 'invalid document name');
  if (!deps.accepting()) throw new HttpRefusal(503, 'server is shutting down');
  await verifyServiceToken(req.headers.authorization, deps.key, name);
  const body = await readBody(req, MAX_ACCESS_BODY_BYTES);
  const change: AccessChange =
    encodedUserId === null
      ? { kind: 'deleted', docName: name }
      : memberChange(name, encodedUserId, body);
  deps.hub.changeAccess(change);
  res.writeHead(204).end();
}

/** An access-change body is a few bytes of JSON. */
const MAX_ACCESS_BODY_BYTES = 1024;

function memberChange(docName: string, encodedUserId: string, body: Uint8Array): AccessChange {
  let userId: string;
  let role: unknown;
  try {
    userId = decodeURIComponent(encodedUserId);
    ({ role } = JSON.parse(new TextDecoder().decode(body)) as { role?: unknown });
  } catch {
    throw new HttpRefusal(400, 'body is not {"role": <role or null>}');
  }
  const change = parseAccessChange(
    role === null ? { kind: 'removed', docName, userId } : { kind: 'role', docName, userId, role },
  );
  if (!change) throw new HttpRefusal(400, 'body is not {"role": <role or null>}');
  return change;
}

function decodes(update: Uint8Array): boolean {
  if (update.byteLength === 0) return false;
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new HttpRefusal(413, `body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${reason}\n`);
}
