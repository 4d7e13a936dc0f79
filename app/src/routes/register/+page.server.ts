import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { safeNext } from '$lib/server/protected-routes';
import { clientAddress } from '$lib/server/client-address';
import { getDatabase } from '$lib/server/db';
import {
  SESSION_COOKIE,
  createSession,
  deleteSession,
  setSessionCookie,
} from '$lib/server/sessions';
import {
  addressRegistrationKey,
  countAttempt,
  minutesOf,
  refundAttempt,
  registrationRule,
} from '$lib/server/login-throttle';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  registerUser,
  type RegistrationError,
} from '$lib/server/users';
import { storedUserAgent } from '$lib/server/user-agent-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.user) redirect(303, next === '/' ? localizeHref('/') : next);
  return {
    next,
    passwordMinLength: PASSWORD_MIN_LENGTH,
    passwordMaxLength: PASSWORD_MAX_LENGTH,
    emailMaxLength: EMAIL_MAX_LENGTH,
    nameMaxLength: NAME_MAX_LENGTH,
  };
};

/** The message for each registration error code, in the request's language. */
function describe(error: RegistrationError): string {
  switch (error) {
    case 'email_invalid':
      return m.auth_email_invalid();
    case 'email_too_long':
      return m.auth_email_too_long({ max: EMAIL_MAX_LENGTH });
    case 'email_taken':
      return m.auth_email_taken();
    case 'name_required':
      return m.auth_name_required();
    case 'name_too_long':
      return m.auth_name_too_long({ max: NAME_MAX_LENGTH });
    case 'password_too_short':
      return m.auth_password_too_short({ min: PASSWORD_MIN_LENGTH });
    case 'password_too_long':
      return m.auth_password_too_long({ max: PASSWORD_MAX_LENGTH });
  }
}

/** A submitted value shown again in the form, unless it is too long to be worth echoing. */
function echo(value: string, max: number): string {
  return value.length > max ? '' : value;
}

export const actions: Actions = {
  register: async ({ request, cookies, getClientAddress }) => {
    const form = await request.formData();
    const input = {
      email: String(form.get('email') ?? ''),
      name: String(form.get('name') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    const next = safeNext(String(form.get('next') ?? ''));
    const shown = {
      email: echo(input.email, EMAIL_MAX_LENGTH),
      name: echo(input.name, NAME_MAX_LENGTH),
    };
    const db = await getDatabase();
    // Counted before the account is made (one statement, so parallel posts cannot pass together).
    const addressKey = addressRegistrationKey(clientAddress(getClientAddress));
    const verdict = await countAttempt(db, addressKey, registrationRule());
    if (!verdict.allowed) {
      const minutes = minutesOf(verdict.retryAfterSeconds);
      return fail(429, { ...shown, errors: { form: m.auth_register_rate_limited({ minutes }) } });
    }
    const result = await registerUser(db, input);
    if (!result.ok) {
      // A form refused before any password hashing cost nothing: it does not count. A taken
      // address did cost a hash, and it does.
      if (result.errors.email !== 'email_taken') await refundAttempt(db, addressKey);
      const errors: Record<string, string> = {};
      for (const [field, code] of Object.entries(result.errors)) errors[field] = describe(code);
      return fail(400, { ...shown, errors });
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
