/**
 * Fetching the short-lived collab-server token of a plan from the app
 * (`GET /plans/[id]/collab-token`, answered by the app server after its membership check).
 */

import { isRole, type Role } from '@prozesswerkstatt/contract';

/** A token as the board uses it. */
export interface CollabToken {
  token: string;
  /** WebSocket base URL of the collab-server, e.g. `ws://127.0.0.1:1234`. */
  url: string;
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
  role: Role;
}

/** The token endpoint answered with an HTTP error (401 logged out, 403 no access, …). */
export class TokenRefusedError extends Error {
  constructor(readonly status: number) {
    super(`collab token refused with HTTP ${status}`);
    this.name = 'TokenRefusedError';
  }
}

/**
 * Epoch milliseconds from an `expiresAt` given as ISO string, epoch seconds or epoch milliseconds
 * (the endpoint's contract names the field, not its unit).
 */
export function parseExpiry(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value < 1e12 ? value * 1000 : value;
  }
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new Error(`parseExpiry: expiresAt ${JSON.stringify(value)} is not a time`);
}

/** Validates the endpoint's JSON; throws naming the field that is wrong. */
export function parseCollabToken(json: unknown): CollabToken {
  if (typeof json !== 'object' || json === null) throw new Error('collab token: not an object');
  const { token, url, expiresAt, role } = json as Record<string, unknown>;
  if (typeof token !== 'string' || token === '') throw new Error('collab token: token missing');
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url))
    throw new Error('collab token: url is not a ws(s) URL');
  if (!isRole(role)) throw new Error('collab token: unknown role');
  return {
    token,
    url: url.replace(/\/+$/, ''),
    expiresAt: parseExpiry(expiresAt),
    role,
  };
}

/** Fetches a fresh token for plan `planId`; throws {@link TokenRefusedError} on an HTTP error. */
export async function fetchCollabToken(
  planId: string,
  fetchFn: typeof fetch = fetch,
): Promise<CollabToken> {
  const response = await fetchFn(`/plans/${encodeURIComponent(planId)}/collab-token`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw new TokenRefusedError(response.status);
  return parseCollabToken(await response.json());
}
