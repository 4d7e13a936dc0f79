import type { Role } from '@prozesswerkstatt/contract';
import type { Db } from './db.js';

/** An invitation that can still be accepted, for the facilitators' part of the members page. */
export interface OpenInvitation {
  id: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  createdByName: string;
  uses: number;
  /** Null only for links made before single-use links existed (no limit). */
  maxUses: number | null;
  /** The only address that may accept it, or null for anyone with the link. */
  email: string | null;
}

/** The invitations of a plan that are neither revoked, expired nor used up, newest first. */
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
      'invitations.uses',
      'invitations.max_uses',
      'invitations.email',
      'users.name',
    ])
    .where('invitations.plan_id', '=', planId)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now.toISOString())
    .where((eb) =>
      eb.or([
        eb('invitations.max_uses', 'is', null),
        eb('invitations.uses', '<', eb.ref('invitations.max_uses')),
      ]),
    )
    .orderBy('invitations.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    createdByName: row.name,
    uses: row.uses,
    maxUses: row.max_uses,
    email: row.email,
  }));
}

/** One entry of a plan's acceptance log. */
export interface InvitationAcceptance {
  invitationId: string;
  /** The role the invitation offered. */
  role: Role;
  invitedByName: string;
  acceptedByName: string;
  acceptedAt: string;
}

/** Entries shown at most; the log is for a glance, not an archive. */
export const ACCEPTANCE_LOG_LIMIT = 100;

/** Who accepted which of the plan's invitations when, newest first (revoked and used-up ones too). */
export async function listAcceptances(db: Db, planId: string): Promise<InvitationAcceptance[]> {
  const rows = await db
    .selectFrom('invitation_acceptances')
    .innerJoin('invitations', 'invitations.id', 'invitation_acceptances.invitation_id')
    .innerJoin('users as accepter', 'accepter.id', 'invitation_acceptances.user_id')
    .innerJoin('users as inviter', 'inviter.id', 'invitations.created_by')
    .select([
      'invitations.id',
      'invitations.role',
      'inviter.name as invitedByName',
      'accepter.name as acceptedByName',
      'invitation_acceptances.accepted_at',
    ])
    .where('invitations.plan_id', '=', planId)
    .orderBy('invitation_acceptances.accepted_at', 'desc')
    .limit(ACCEPTANCE_LOG_LIMIT)
    .execute();
  return rows.map((row) => ({
    invitationId: row.id,
    role: row.role,
    invitedByName: row.invitedByName,
    acceptedByName: row.acceptedByName,
    acceptedAt: row.accepted_at,
  }));
}
