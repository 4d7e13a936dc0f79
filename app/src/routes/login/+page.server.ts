import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { safeNext } from '$lib/server/protected-routes';
import { getDatabase } from '$lib/server/db';
import { loginRateLimitKey, loginRateLimiter } from '$lib/server/login-rate-limit';
import {
  SESSION_COOKIE,
  createSession,
  deleteSession,
  purgeExpiredSessions,
  setSessionCookie,
} from '$lib/server/sessions';
import { authenticate } from '$lib/server/users';
import { storedUserAgent } from '$lib/server/user-agent-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next === '/' ? localizeHref('/') : next);
  return { next };
};

export const actions: Actions = {
  login: async ({ request, cookies, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeNext(String(form.get('next') ?? ''));

    const key = loginRateLimitKey(getClientAddress(), email);
    const verdict = loginRateLimiter.check(key);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      return fail(429, { email, errors: { form: m.auth_login_rate_limited({ minutes }) } });
    }
    if (email === '' || password === '') {
      return fail(400, {
        email,
        errors: {
          ...(email === '' ? { email: m.auth_email_required() } : {}),
          ...(password === '' ? { password: m.auth_password_required() } : {}),
        },
      });
    }

    const db = await getDatabase();
    const user = await authenticate(db, email, password);
    if (user === null) {
      loginRateLimiter.recordFailure(key);
      return fail(400, { email, errors: { form: m.auth_login_failed() } });
    }
    loginRateLimiter.reset(key);
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
