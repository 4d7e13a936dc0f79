import { jwtVerify } from 'jose';
import { AuthError } from '../auth.js';

/** Value of the `svc` claim the app puts into its service tokens. */
export const SERVICE_CLAIM = 'app';

/** Who calls the internal API, from a verified service token. */
export interface ServiceCaller {
  /** The account on whose behalf the app acts (`sub`), for logs and activity. */
  userId: string;
  /** The document the token grants (`doc`). */
  docName: string;
}

/**
 * Verifies a service token of the app (HS256, same secret as the browser tokens, but with the
 * claim `svc: "app"` and no role): a browser's collab token never opens the internal API, and a
 * service token never opens a WebSocket (it carries no `role`). `doc` must name the document.
 */
export async function verifyServiceToken(
  authorization: string | undefined,
  key: Uint8Array,
  requestedDoc: string,
): Promise<ServiceCaller> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw new AuthError(401, 'missing service token');
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1] as string, key, {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp', 'doc', 'svc'],
    }));
  } catch {
    throw new AuthError(401, 'service token invalid');
  }
  if (payload.svc !== SERVICE_CLAIM || typeof payload.sub !== 'string') {
    throw new AuthError(401, 'not a service token');
  }
  if (payload.doc !== requestedDoc) throw new AuthError(403, 'token does not grant this document');
  return { userId: payload.sub, docName: requestedDoc };
}
