import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import type { SessionUser } from './users.js';

/**
 * The signed-in user when they are a facilitator (only facilitators create or import plans);
 * otherwise a redirect to the login or a 403 in the request's language.
 */
export function requireFacilitator(locals: App.Locals): SessionUser {
  if (!locals.user) redirect(303, localizeHref('/login'));
  if (!locals.user.isFacilitator) error(403, m.errors_facilitator_only());
  return locals.user;
}
