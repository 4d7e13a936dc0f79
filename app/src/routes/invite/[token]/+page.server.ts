import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { loginUrl } from '$lib/server/authentication';
import { getDatabase } from '$lib/server/db';
import { acceptInvitation, inspectInvitation } from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

/**
 * An invitation link (single-use unless the facilitator allowed more, possibly only for one
 * e-mail address). Anonymous visitors are sent to the login (and from there may register)
 * by the authentication hook and come back here; then the page shows the plan and the role and
 * asks to accept. An expired, revoked, used-up or unknown link, or one for another
 * address, gets a page saying so and what to do.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  // The authentication hook has sent anonymous visitors to the login already.
  if (!locals.user) redirect(303, loginUrl(url.pathname));
  const invitation = await inspectInvitation(await getDatabase(), params.token, locals.user);
  if (invitation.status !== 'valid') return { invitation: { status: invitation.status } };
  return {
    invitation: {
      status: 'valid' as const,
      planTitle: invitation.planTitle,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    },
  };
};

export const actions: Actions = {
  accept: async ({ locals, params, url }) => {
    if (!locals.user) redirect(303, loginUrl(url.pathname));
    const result = await acceptInvitation(await getDatabase(), params.token, locals.user);
    if (result.status !== 'accepted') return { refused: result.status };
    redirect(303, localizeHref(`/plans/${result.planId}`));
  },
};
