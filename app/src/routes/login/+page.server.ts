import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { safeNext } from '$lib/server/protected-routes';
import { clientAddress } from '$lib/server/client-address';
import { getDatabase } from '$lib/server/db';
import {
  ACCOUNT_LOGIN_RULE,
  ADDRESS_LOGIN_RULE,
  accountLoginKey,
  addressLoginKey,
  countAttempt,
  forgetAttempts,
  minutesOf,
  refundAttempt,
} from '$lib/server/login-throttle';
import {
  SESSION_COOKIE,
  createSession,
  deleteSession,
  purgeExpiredSessions,
  setSessionCookie,
} from '$lib/server/sessions';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, authenticate } from '$lib/server/users';
import { storedUserAgent } from '$lib/server/user-agent-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next === '/' ? localizeHref('/') : next);
  return { next, emailMaxLength: EMAIL_MAX_LENGTH, passwordMaxLength: PASSWORD_MAX_LENGTH };
};

/** What is wrong with the form's fields before anything is counted or checked, by field. */
function fieldErrors(email: string, password: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (email === '') errors.email = m.auth_email_required();
  else if (email.length > EMAIL_MAX_LENGTH) {
    errors.email = m.auth_email_too_long({ max: EMAIL_MAX_LENGTH });
  }
  if (password === '') errors.password = m.auth_password_required();
  else if (password.length > PASSWORD_MAX_LENGTH) {
    errors.password = m.auth_password_too_long({ max: PASSWORD_MAX_LENGTH });
  }
  return errors;
}

export const actions: Actions = {
  login: async ({ request, cookies, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeNext(String(form.get('next') ?? ''));
    // Never echo an oversized value back into the page.
    const shownEmail = email.length > EMAIL_MAX_LENGTH ? '' : email;

    const errors = fieldErrors(email, password);
    if (Object.keys(errors).length > 0) return fail(400, { email: shownEmail, errors });

    // Counted before the password is checked, each in one statement: parallel attempts cannot
    // all slip past the limit. The address first, so a client over its limit adds nothing more.
    const db = await getDatabase();
    const addressKey = addressLoginKey(clientAddress(getClientAddress));
    const accountKey = accountLoginKey(email);
    const addressVerdict = await countAttempt(db, addressKey, ADDRESS_LOGIN_RULE);
    const verdict = addressVerdict.allowed
      ? await countAttempt(db, accountKey, ACCOUNT_LOGIN_RULE)
      : addressVerdict;
    if (!verdict.allowed) {
      const minutes = minutesOf(verdict.retryAfterSeconds);
      return fail(429, { email, errors: { form: m.auth_login_rate_limited({ minutes }) } });
    }

    const user = await authenticate(db, email, password);
    if (user === null) return fail(400, { email, errors: { form: m.auth_login_failed() } });
    await forgetAttempts(db, accountKey);
    await refundAttempt(db, addressKey);
    await purgeExpiredSessions(db);
    // A new session on every login; a session the browser still carried is ended, not reused.
    const previous = cookies.get(SESSION_COOKIE);
    if (previous) await deleteSession(db, previous);
    const session = await createSession(
      db,
      user.id,
      new Date(),
      storedUserAgent(request.headers.get('user-agent')),
    );
    setSessionCookie(cookies, session.token, session.expiresAt);
    redirect(303, next === '/' ? localizeHref('/') : next);
  },
};
