import type { MemberRole } from '@prozesswerkstatt/storage';
import type { Db } from './db.js';
import { higherRole } from './membership.js';
import { hashToken, newToken } from './tokens.js';

/** Shortest and longest validity of an invitation link, in days. */
export const INVITATION_MIN_DAYS = 1;
export const INVITATION_MAX_DAYS = 30;
/** Validity offered by default, in days. */
export const INVITATION_DEFAULT_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A freshly created invitation: the token appears only here, in the link shown once. */
export interface NewInvitation {
  /** Database id (the token's hash); what the revoke form names. */
  id: string;
  token: string;
  expiresAt: string;
}

/** Creates an invitation link token for `planId` that grants `role` for `days` days (clamped to 1–30). */
export async function createInvitation(
  db: Db,
  input: { planId: string; role: MemberRole; days: number; createdBy: string },
  now = new Date(),
): Promise<NewInvitation> {
  const days = Math.min(INVITATION_MAX_DAYS, Math.max(INVITATION_MIN_DAYS, Math.floor(input.days)));
  const token = newToken();
  const id = hashToken(token);
  const expiresAt = new Date(now.getTime() + days * DAY_MS).toISOString();
  await db
    .insertInto('invitations')
    .values({
      id,
      plan_id: input.planId,
      role: input.role,
      expires_at: expiresAt,
      created_by: input.createdBy,
    })
    .execute();
  return { id, token, expiresAt };
}

/** An invitation that can still be accepted, for the members page. */
export interface OpenInvitation {
  id: string;
  role: MemberRole;
  expiresAt: string;
  createdAt: string;
  createdByName: string;
}

/** The invitations of a plan that are neither revoked nor expired, newest first. */
export async function listOpenInvitations(
  db: Db,
  planId: string,
  now = new Date(),
): Promise<OpenInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.created_by')
    .select([
      'invitations.id',
      'invitations.role',
      'invitations.expires_at',
      'invitations.created_at',
      'users.name',
    ])
    .where('invitations.plan_id', '=', planId)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now.toISOString())
    .orderBy('invitations.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    createdByName: row.name,
  }));
}

/** Revokes an open invitation of `planId`; false when there is none with that id. */
export async function revokeInvitation(
  db: Db,
  planId: string,
  invitationId: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', invitationId)
    .where('plan_id', '=', planId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a link leads to. */
export type InvitationLookup =
  | { status: 'valid'; planId: string; planTitle: string; role: MemberRole; expiresAt: string }
  | { status: 'unknown' | 'expired' | 'revoked' };

/** Looks up the invitation behind a link's token without changing anything. */
export async function inspectInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<InvitationLookup> {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('plans', 'plans.id', 'invitations.plan_id')
    .select([
      'invitations.plan_id',
      'invitations.role',
      'invitations.expires_at',
      'invitations.revoked_at',
      'plans.title',
    ])
    .where('invitations.id', '=', hashToken(token))
    .executeTakeFirst();
  if (row === undefined) return { status: 'unknown' };
  if (row.revoked_at !== null) return { status: 'revoked' };
  if (row.expires_at <= now.toISOString()) return { status: 'expired' };
  return {
    status: 'valid',
    planId: row.plan_id,
    planTitle: row.title,
    role: row.role,
    expiresAt: row.expires_at,
  };
}

/** The outcome of {@link acceptInvitation}. */
export type AcceptResult =
  | { status: 'accepted'; planId: string; role: MemberRole }
  | { status: 'unknown' | 'expired' | 'revoked' };

/**
 * Makes `userId` a member of the invitation's plan with its role, or keeps the member's current
 * role when that is higher (an invitation never downgrades). The link stays usable until it
 * expires or is revoked, so one link can invite a whole team.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  userId: string,
  now = new Date(),
): Promise<AcceptResult> {
  const invitation = await inspectInvitation(db, token, now);
  if (invitation.status !== 'valid') return invitation;
  const { planId } = invitation;
  const role = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('plan_members')
      .select('role')
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (current === undefined) {
      await trx
        .insertInto('plan_members')
        .values({ plan_id: planId, user_id: userId, role: invitation.role })
        .execute();
      return invitation.role;
    }
    const next = higherRole(current.role, invitation.role);
    if (next !== current.role) {
      await trx
        .updateTable('plan_members')
        .set({ role: next })
        .where('plan_id', '=', planId)
        .where('user_id', '=', userId)
        .execute();
    }
    return next;
  });
  return { status: 'accepted', planId, role };
}
