import type { Permission } from '@prozesswerkstatt/contract';
import { m } from '$lib/paraglide/messages.js';
import { loginUrl } from './authentication.js';
import { requireMember, type MemberPlan } from './membership.js';
import type { SessionUser } from './users.js';

/**
 * {@link requireMember} for a route: the plan and the signed-in user's role when it grants
 * `permission`, or a thrown redirect (login) / 404 / 403 with messages in the request's language.
 */
export function requirePlanPermission(
  locals: App.Locals,
  planId: string,
  permission: Permission,
): Promise<MemberPlan & { user: SessionUser }> {
  return requireMember(
    locals,
    planId,
    permission,
    { notFound: m.errors_plan_not_found(), forbidden: m.errors_role_forbidden() },
    loginUrl(),
  );
}
