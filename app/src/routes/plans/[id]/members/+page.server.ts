import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime.js';
import { getDatabase } from '$lib/server/db';
import { listAcceptances, listOpenInvitations } from '$lib/server/invitation-list';
import {
  INVITATION_DEFAULT_DAYS,
  INVITATION_MAX_DAYS,
  INVITATION_MAX_USES,
  INVITATION_MIN_DAYS,
  createInvitation,
  revokeInvitation,
} from '$lib/server/invitations';
import { parseInvitationForm } from '$lib/server/invitation-form';
import { formId } from '$lib/server/form-fields';
import { can, INVITABLE_ROLES, ROLES, isRole } from '@prozesswerkstatt/contract';
import { announceMemberChange } from '$lib/server/live-access';
import { changeMemberRole, listMembers, removeMember } from '$lib/server/members';
import { requirePlanPermission } from '$lib/server/plan-access';
import { EMAIL_MAX_LENGTH } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

/** Every member sees the list; only facilitators see invitations and may change anything. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const plan = await requirePlanPermission(locals, params.id, 'members.read');
  const db = await getDatabase();
  const canManage = can(plan.role, 'members.manage');
  return {
    plan: { id: plan.id, title: plan.title, role: plan.role },
    userId: plan.user.id,
    canManage,
    members: await listMembers(db, plan.id, { userId: plan.user.id, seesEmails: canManage }),
    invitations: canManage ? await listOpenInvitations(db, plan.id) : [],
    acceptances: canManage ? await listAcceptances(db, plan.id) : [],
    roles: ROLES,
    invitableRoles: INVITABLE_ROLES,
    invitationDays: {
      min: INVITATION_MIN_DAYS,
      max: INVITATION_MAX_DAYS,
      default: INVITATION_DEFAULT_DAYS,
    },
    invitationMaxUses: INVITATION_MAX_USES,
    emailMaxLength: EMAIL_MAX_LENGTH,
  };
};

/** Maps a members-module refusal to its message. */
function lastFacilitatorMessage(): string {
  return m.members_last_facilitator();
}

export const actions: Actions = {
  changeRole: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'members.manage');
    const form = await request.formData();
    const userId = formId(form, 'userId');
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
    const plan = await requirePlanPermission(locals, params.id, 'members.manage');
    const form = await request.formData();
    const userId = formId(form, 'userId');
    const result = await removeMember(await getDatabase(), plan.id, userId);
    if (result === 'last_facilitator') {
      return fail(400, { errors: { form: lastFacilitatorMessage() } });
    }
    if (result === 'not_member') return fail(404, { errors: { form: m.members_not_found() } });
    await announceMemberChange(plan, plan.user.id, userId, null);
    return { removed: true };
  },
  invite: async ({ locals, params, request, url }) => {
    const plan = await requirePlanPermission(locals, params.id, 'members.manage');
    const parsed = parseInvitationForm(await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const invitation = await createInvitation(await getDatabase(), {
      ...parsed.value,
      planId: plan.id,
      createdBy: plan.user.id,
    });
    // The only time the token is shown: it is stored hashed.
    const inviteUrl = new URL(localizeHref(`/invite/${invitation.token}`), url.origin).href;
    return {
      inviteUrl,
      inviteRole: parsed.value.role,
      inviteExpiresAt: invitation.expiresAt,
      inviteMaxUses: invitation.maxUses,
      inviteEmail: invitation.email,
    };
  },
  revoke: async ({ locals, params, request }) => {
    const plan = await requirePlanPermission(locals, params.id, 'members.manage');
    const form = await request.formData();
    const revoked = await revokeInvitation(
      await getDatabase(),
      plan.id,
      formId(form, 'invitationId'),
    );
    if (!revoked) return fail(404, { errors: { form: m.invite_not_found() } });
    return { revoked: true };
  },
};
