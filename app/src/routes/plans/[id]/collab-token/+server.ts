import { json } from '@sveltejs/kit';
import { signCollabToken } from '@prozesswerkstatt/contract/token';
import { collabUrl, resolveCollabSecret } from '$lib/server/collab-token';
import { getDatabase } from '$lib/server/db';
import { checkMember } from '$lib/server/membership';
import type { RequestHandler } from './$types';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `GET /plans/[id]/collab-token` → `{ token, url, expiresAt, role }` for a member of the plan:
 * a collab-server token for the plan's document in the member's current role (10 minutes),
 * the WebSocket base URL, the expiry (ISO-8601) and the role. 401 when signed out, 404 for
 * non-members. GET only and without side effects, so it needs no CSRF check; `no-store`
 * keeps the token out of caches.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const result = await checkMember(await getDatabase(), locals.user, params.id, 'plan.read');
  if (!result.ok || locals.user === null) {
    const status = result.ok ? 401 : result.status;
    return json(
      { error: status === 401 ? 'not signed in' : 'no access' },
      { status, headers: NO_STORE },
    );
  }
  const { plan } = result;
  const { token, expiresAt } = await signCollabToken(
    { userId: locals.user.id, userName: locals.user.name, docName: plan.docName, role: plan.role },
    resolveCollabSecret(),
  );
  return json({ token, url: collabUrl(), expiresAt, role: plan.role }, { headers: NO_STORE });
};
