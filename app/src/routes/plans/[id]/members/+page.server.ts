import { fail } from '@sveltejs/kit';
import type { MemberRole } from '@prozesswerkstatt/storage';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import {
  INVITATION_DEFAULT_DAYS,
  INVITATION_MAX_DAYS,
  INVITATION_MIN_DAYS,
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
} from '$lib/server/invitations';
import { INVITABLE_ROLES, ROLES, isRole } from '$lib/server/membership';
import { announceMemberChange } from '$lib/server/live-access';
import { changeMemberRole, listMembers, removeMember } from '$lib/server/members';
import { requirePlanRole } from '$lib/server/plan-access';
import type { Actions, PageServerLoad } from './$types';

/** Every member sees the list; only facilitators see invitations and may change anything. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanRole(locals, params.id, 'viewer');
  const db = await getDatabase();
  const canManage = plan.role === 'facilitator';
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    userId: plan.user.id,
    canManage,
    members: await listMembers(db, plan.id),
    invitations: canManage ? await listOpenInvitations(db, plan.id) : [],
    roles: ROLES,
    invitableRoles: INVITABLE_ROLES,
    invitationDays: {
      min: INVITATION_MIN_DAYS,
      max: INVITATION_MAX_DAYS,
      default: INVITATION_DEFAULT_DAYS,
    },
  };
};

/** Maps a members-module refusal to its message. */
function lastFacilitatorMessage(): string {
  return m.members_last_facilitator();
}

export const actions: Actions = {
  changeRole: async ({ locals, params, request }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    const form = await request.formData();
    const userId = String(form.get('userId') ?? '');
    const role = form.get('role');
    if (!isRole(role)) return fail(400, { errors: { role: m.members_role_invalid() }, userId });
    const result = await changeMemberRole(await getDatabase(), plan.id, userId, role);
    if (result === 'last_facilitator') {
      return fail(400, { errors: { role: lastFacilitatorMessage() }, userId });
    }
    if (result === 'not_member') return fail(404, { errors: { form: m.members_not_found() } });
    await announceMemberChange(plan, plan.user.id, userId, role);
    return { changed: userId };
  },
  remove: async ({ locals, params, request }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    const form = await request.formData();
    const userId = String(form.get('userId') ?? '');
    const result = await removeMember(await getDatabase(), plan.id, userId);
    if (result === 'last_facilitator') {
      return fail(400, { errors: { form: lastFacilitatorMessage() } });
    }
    if (result === 'not_member') return fail(404, { errors: { form: m.members_not_found() } });
    await announceMemberChange(plan, plan.user.id, userId, null);
    return { removed: true };
  },
  invite: async ({ locals, params, request, url }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    const form = await request.formData();
    const role = form.get('role');
    const days = Number(form.get('days'));
    const errors: Record<string, string> = {};
    if (!isRole(role) || !(INVITABLE_ROLES as readonly MemberRole[]).includes(role)) {
      errors.inviteRole = m.members_role_invalid();
    }
    if (!Number.isInteger(days) || days < INVITATION_MIN_DAYS || days > INVITATION_MAX_DAYS) {
      errors.inviteDays = m.invite_days_invalid({
        min: INVITATION_MIN_DAYS,
        max: INVITATION_MAX_DAYS,
      });
    }
    if (!isRole(role) || Object.keys(errors).length > 0) return fail(400, { errors });
    const invitation = await createInvitation(await getDatabase(), {
      planId: plan.id,
      role,
      days,
      createdBy: plan.user.id,
    });
    // The only time the token is shown: it is stored hashed.
    const inviteUrl = new URL(localizeHref(`/invite/${invitation.token}`), url.origin).href;
    return { inviteUrl, inviteRole: role, inviteExpiresAt: invitation.expiresAt };
  },
  revoke: async ({ locals, params, request }) => {
    const plan = await requirePlanRole(locals, params.id, 'facilitator');
    const form = await request.formData();
    const revoked = await revokeInvitation(
      await getDatabase(),
      plan.id,
      String(form.get('invitationId') ?? ''),
    );
    if (!revoked) return fail(404, { errors: { form: m.invite_not_found() } });
    return { revoked: true };
  },
};
