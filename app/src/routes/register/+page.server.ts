import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { safeNext } from '$lib/server/protected-routes';
import { getDatabase } from '$lib/server/db';
import {
  SESSION_COOKIE,
  createSession,
  deleteSession,
  setSessionCookie,
} from '$lib/server/sessions';
import { PASSWORD_MIN_LENGTH, registerUser, type RegistrationError } from '$lib/server/users';
import { storedUserAgent } from '$lib/server/user-agent-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next === '/' ? localizeHref('/') : next);
  return { next, passwordMinLength: PASSWORD_MIN_LENGTH };
};

/** The message for each registration error code, in the request's language. */
function describe(error: RegistrationError): string {
  switch (error) {
    case 'email_invalid':
      return m.auth_email_invalid();
    case 'email_taken':
      return m.auth_email_taken();
    case 'name_required':
      return m.auth_name_required();
    case 'name_too_long':
      return m.auth_name_too_long();
    case 'password_too_short':
      return m.auth_password_too_short({ min: PASSWORD_MIN_LENGTH });
    case 'password_too_long':
      return m.auth_password_too_long();
  }
}

export const actions: Actions = {
  register: async ({ request, cookies }) => {
    const form = await request.formData();
    const input = {
      email: String(form.get('email') ?? ''),
      name: String(form.get('name') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    const next = safeNext(String(form.get('next') ?? ''));
    const db = await getDatabase();
    const result = await registerUser(db, input);
    if (!result.ok) {
      const errors: Record<string, string> = {};
      for (const [field, code] of Object.entries(result.errors)) errors[field] = describe(code);
      return fail(400, { email: input.email, name: input.name, errors });
    }
    const previous = cookies.get(SESSION_COOKIE);
    if (previous) await deleteSession(db, previous);
    const session = await createSession(
      db,
      result.user.id,
      new Date(),
      storedUserAgent(request.headers.get('user-agent')),
    );
    setSessionCookie(cookies, session.token, session.expiresAt);
    redirect(303, next === '/' ? localizeHref('/') : next);
  },
};
