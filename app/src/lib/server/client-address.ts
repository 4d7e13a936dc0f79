/** The key shared by requests whose address cannot be told (see {@link clientAddress}). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The client's address as adapter-node sees it: the socket's peer, or, when `ADDRESS_HEADER`
 * is set (behind a proxy), that header's value (`X-Forwarded-For`: the entry `XFF_DEPTH` from
 * the right, the one the proxy appended). adapter-node throws when the configured header is
 * missing (a request that bypassed the proxy, or too short a chain); such requests share one
 * "unknown" key instead of failing with 500, so they are still throttled, together.
 */
export function clientAddress(getClientAddress: () => string): string {
  try {
    const address = getClientAddress().trim();
    return address === '' ? UNKNOWN_CLIENT : address;
  } catch {
    return UNKNOWN_CLIENT;
  }
}
