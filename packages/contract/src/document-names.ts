/**
 * Names of the Yjs documents the app, the collab-server and storage share. A plan's document is
 * `plans/<plan id>`; the collab-server takes the name from the WebSocket path and storage keys
 * every row by it.
 */

/** What every plan document name starts with. */
export const PLAN_DOCUMENT_PREFIX = 'plans/';

/** A plan id: base64url characters, as the app creates them (22 of them), at most 100. */
const PLAN_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Any document name the collab-server accepts on its path: ASCII letters, digits and `._:/-`,
 * starting with a letter or digit, at most 200 characters, no `..` segment. Wider than plan names,
 * so tools and benchmarks may open documents of their own.
 */
const DOCUMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;

/** True when `planId` can be part of a document name. */
export function isPlanId(planId: string): boolean {
  return PLAN_ID.test(planId);
}

/** The document name of plan `planId`; throws when the id is not one the app creates. */
export function planDocumentName(planId: string): string {
  if (!isPlanId(planId)) throw new RangeError(`not a plan id: ${JSON.stringify(planId)}`);
  return `${PLAN_DOCUMENT_PREFIX}${planId}`;
}

/** The plan id in a plan document name, or null when `name` names no plan. */
export function planIdOfDocument(name: string): string | null {
  if (!name.startsWith(PLAN_DOCUMENT_PREFIX)) return null;
  const planId = name.slice(PLAN_DOCUMENT_PREFIX.length);
  return isPlanId(planId) ? planId : null;
}

/** True when the collab-server accepts `name` as a document name. */
export function isDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name) && !name.split('/').includes('..');
}

/**
 * The document name in a WebSocket request path (`/plans/abc`, also percent-encoded as the stock
 * client may send it), or null when it is not an acceptable name.
 */
export function documentNameFromPath(pathname: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(1));
  } catch {
    return null;
  }
  return isDocumentName(name) ? name : null;
}
