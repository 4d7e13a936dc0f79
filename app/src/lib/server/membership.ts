import { error, redirect } from '@sveltejs/kit';
import { can, type Permission, type Role } from '@prozesswerkstatt/contract';
import { getDatabase, type Db } from './db.js';
import type { SessionUser } from './users.js';

/** A plan as a member sees it, with that member's role. */
export interface MemberPlan {
  id: string;
  docName: string;
  title: string;
  requestingUnit: string;
  status: string;
  archivedAt: string | null;
  facilitatorId: string;
  role: Role;
}

/** The plan `planId` with `userId`'s role in it, or null when it does not exist or they are no member. */
export async function findMemberPlan(
  db: Db,
  planId: string,
  userId: string,
): Promise<MemberPlan | null> {
  const row = await db
    .selectFrom('plans')
    .innerJoin('plan_members', 'plan_members.plan_id', 'plans.id')
    .select([
      'plans.id',
      'plans.doc_name',
      'plans.title',
      'plans.requesting_unit',
      'plans.status',
      'plans.archived_at',
      'plans.facilitator_id',
      'plan_members.role',
    ])
    .where('plans.id', '=', planId)
    .where('plan_members.user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    docName: row.doc_name,
    title: row.title,
    requestingUnit: row.requesting_unit,
    status: row.status,
    archivedAt: row.archived_at,
    facilitatorId: row.facilitator_id,
    role: row.role,
  };
}

/** Why a member check failed: not signed in (401), no member or no plan (404), role may not (403). */
export type MembershipDenial = 401 | 403 | 404;

/**
 * The plan and role when `user` is a member whose role grants `permission` (the contract's
 * table), else the HTTP status that says why not. Non-members get 404, so plan ids cannot be
 * probed for existence.
 */
export async function checkMember(
  db: Db,
  user: SessionUser | null,
  planId: string,
  permission: Permission,
): Promise<{ ok: true; plan: MemberPlan } | { ok: false; status: MembershipDenial }> {
  if (user === null) return { ok: false, status: 401 };
  const plan = await findMemberPlan(db, planId, user.id);
  if (plan === null) return { ok: false, status: 404 };
  if (!can(plan.role, permission)) return { ok: false, status: 403 };
  return { ok: true, plan };
}

/** Messages for the statuses {@link requireMember} throws (the caller passes them translated). */
export interface MembershipMessages {
  notFound: string;
  forbidden: string;
}

/**
 * For every load and action of a plan's pages: returns the plan and the user's role, or throws
 * — a redirect to the login page for anonymous users, `error(404)` for non-members and unknown
 * plans, `error(403)` when the role does not grant `permission`.
 */
export async function requireMember(
  locals: App.Locals,
  planId: string,
  permission: Permission,
  messages: MembershipMessages,
  loginUrl = '/login',
): Promise<MemberPlan & { user: SessionUser }> {
  const result = await checkMember(await getDatabase(), locals.user, planId, permission);
  if (result.ok && locals.user) return { ...result.plan, user: locals.user };
  if (!result.ok && result.status === 401) redirect(303, loginUrl);
  if (!result.ok && result.status === 403) error(403, messages.forbidden);
  error(404, messages.notFound);
}
