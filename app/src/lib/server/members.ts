import type { Role } from '@prozesswerkstatt/contract';
import type { Db } from './db.js';

/** One member of a plan, for the members page. */
export interface PlanMember {
  userId: string;
  name: string;
  /** Only for facilitators and for the member themself; null for anyone else. */
  email: string | null;
  role: Role;
  addedAt: string;
}

/** Who is looking at the list: e-mail addresses are for facilitators (and one's own). */
export interface MemberListViewer {
  userId: string;
  seesEmails: boolean;
}

/**
 * The members of a plan, facilitators first, then by name. Viewers, commenters and editors see
 * names only: another member's address is left out of the data, not just of the page.
 */
export async function listMembers(
  db: Db,
  planId: string,
  viewer: MemberListViewer,
): Promise<PlanMember[]> {
  const rows = await db
    .selectFrom('plan_members')
    .innerJoin('users', 'users.id', 'plan_members.user_id')
    .select(['users.id', 'users.name', 'users.email', 'plan_members.role', 'plan_members.added_at'])
    .where('plan_members.plan_id', '=', planId)
    .orderBy('users.name')
    .execute();
  return rows
    .map((row) => ({
      userId: row.id,
      name: row.name,
      email: viewer.seesEmails || row.id === viewer.userId ? row.email : null,
      role: row.role,
      addedAt: row.added_at,
    }))
    .sort((a, b) => Number(b.role === 'facilitator') - Number(a.role === 'facilitator'));
}

/** Why a change of membership was refused. */
export type MembershipChangeRefusal = 'not_member' | 'last_facilitator';

/**
 * Whether removing `userId`'s facilitator role would leave the plan without any facilitator
 * (nobody could then manage it); checked inside the change's transaction.
 */
async function isLastFacilitator(db: Db, planId: string, userId: string): Promise<boolean> {
  const facilitators = await db
    .selectFrom('plan_members')
    .select('user_id')
    .where('plan_id', '=', planId)
    .where('role', '=', 'facilitator')
    .execute();
  return facilitators.length === 1 && facilitators[0]?.user_id === userId;
}

/** Sets a member's role; refuses to demote the plan's last facilitator. */
export async function changeMemberRole(
  db: Db,
  planId: string,
  userId: string,
  role: Role,
): Promise<'changed' | MembershipChangeRefusal> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('plan_members')
      .select('role')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (current === undefined) return 'not_member';
    if (current.role === role) return 'changed';
    if (current.role === 'facilitator' && (await isLastFacilitator(trx, planId, userId))) {
      return 'last_facilitator';
    }
    await trx
      .updateTable('plan_members')
      .set({ role })
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .execute();
    return 'changed';
  });
}

/** Removes a member; refuses to remove the plan's last facilitator. */
export async function removeMember(
  db: Db,
  planId: string,
  userId: string,
): Promise<'removed' | MembershipChangeRefusal> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('plan_members')
      .select('role')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (current === undefined) return 'not_member';
    if (current.role === 'facilitator' && (await isLastFacilitator(trx, planId, userId))) {
      return 'last_facilitator';
    }
    await trx
      .deleteFrom('plan_members')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .execute();
    return 'removed';
  });
}
