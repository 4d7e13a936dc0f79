import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDatabase } from '$lib/server/db';
import { changePassword, type PasswordChangeErrors } from '$lib/server/password-change';
import { listSessions, revokeOtherSessions, revokeSession } from '$lib/server/session-list';
import { SESSION_COOKIE } from '$lib/server/sessions';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/server/users';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The signed-in person and their session token; the route is protected, so both exist. */
function signedIn({ locals, cookies }: Pick<RequestEvent, 'locals' | 'cookies'>) {
  const token = cookies.get(SESSION_COOKIE);
  if (!locals.user || !token) error(401, m.errors_not_signed_in());
  return { userId: locals.user.id, token };
}

export const load: PageServerLoad = async (event) => {
  const { userId, token } = signedIn(event);
  return {
    sessions: await listSessions(await getDatabase(), userId, token),
    passwordMinLength: PASSWORD_MIN_LENGTH,
  };
};

function describe(errors: PasswordChangeErrors): Record<string, string> {
  const out: Record<string, string> = {};
  if (errors.current === 'current_required') out.current = m.auth_password_required();
  if (errors.current === 'current_wrong') out.current = m.account_current_password_wrong();
  if (errors.next === 'password_too_short') {
    out.next = m.auth_password_too_short({ min: String(PASSWORD_MIN_LENGTH) });
  }
  if (errors.next === 'password_too_long')
    out.next = m.auth_password_too_long({ max: PASSWORD_MAX_LENGTH });
  return out;
}

export const actions: Actions = {
  password: async (event) => {
    const { userId, token } = signedIn(event);
    const form = await event.request.formData();
    const result = await changePassword(
      await getDatabase(),
      userId,
      { current: String(form.get('current') ?? ''), next: String(form.get('next') ?? '') },
      token,
    );
    if (!result.ok) return fail(400, { password: { errors: describe(result.errors) } });
    return { passwordChanged: { endedSessions: result.endedSessions } };
  },
  revoke: async (event) => {
    const { userId, token } = signedIn(event);
    const form = await event.request.formData();
    const ended = await revokeSession(
      await getDatabase(),
      userId,
      String(form.get('session') ?? ''),
      token,
    );
    if (!ended) return fail(404, { revokeFailed: true });
    return { revoked: 1 };
  },
  revokeOthers: async (event) => {
    const { userId, token } = signedIn(event);
    return { revoked: await revokeOtherSessions(await getDatabase(), userId, token) };
  },
};
