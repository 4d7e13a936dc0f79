import type { Db } from './db.js';
import { higherRole, ranksAtLeast, type Role } from '@prozesswerkstatt/contract';
import { hashToken, newToken } from './tokens.js';
import { normalizeEmail, type SessionUser } from './users.js';

/** Shortest and longest validity of an invitation link, in days. */
export const INVITATION_MIN_DAYS = 1;
export const INVITATION_MAX_DAYS = 30;
/** Validity offered by default, in days. */
export const INVITATION_DEFAULT_DAYS = 7;
/** Most acceptances a multi-use link may allow (a link is single-use unless chosen otherwise). */
export const INVITATION_MAX_USES = 100;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A freshly created invitation: the token appears only here, in the link shown once. */
export interface NewInvitation {
  /** Database id (the token's hash); what the revoke form names. */
  id: string;
  token: string;
  expiresAt: string;
  maxUses: number;
  email: string | null;
}

/** What a facilitator chooses for a new link. */
export interface InvitationInput {
  planId: string;
  role: Role;
  days: number;
  createdBy: string;
  /** Acceptances allowed; default 1 (single-use), clamped to 1–{@link INVITATION_MAX_USES}. */
  maxUses?: number;
  /** The only account address that may accept; compared case-insensitively. */
  email?: string | null;
}

/** Clamps `value` to whole numbers from `min` to `max`. */
function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Creates an invitation link token for `planId` that grants `role` for `days` days (clamped to 1–30). */
export async function createInvitation(
  db: Db,
  input: InvitationInput,
  now = new Date(),
): Promise<NewInvitation> {
  const days = clamp(input.days, INVITATION_MIN_DAYS, INVITATION_MAX_DAYS);
  const maxUses = clamp(input.maxUses ?? 1, 1, INVITATION_MAX_USES);
  const email = input.email ? normalizeEmail(input.email) : null;
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
      max_uses: maxUses,
      email,
    })
    .execute();
  return { id, token, expiresAt, maxUses, email };
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

/** Why a link cannot be accepted (any more). */
export type InvitationRefusal = 'unknown' | 'expired' | 'revoked' | 'used_up' | 'wrong_account';

/** What a link leads to, for one account. */
export type InvitationLookup =
  | { status: 'valid'; planId: string; planTitle: string; role: Role; expiresAt: string }
  | { status: InvitationRefusal };

/** The invitation row behind `token`, with its plan's title. */
function findInvitation(db: Db, token: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('plans', 'plans.id', 'invitations.plan_id')
    .select([
      'invitations.id',
      'invitations.plan_id',
      'invitations.role',
      'invitations.expires_at',
      'invitations.revoked_at',
      'invitations.max_uses',
      'invitations.uses',
      'invitations.email',
      'plans.title',
    ])
    .where('invitations.id', '=', hashToken(token))
    .executeTakeFirst();
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

/** Why `row` cannot be accepted by `user` now, or null when it can. */
function refusalOf(row: InvitationRow, user: SessionUser, now: Date): InvitationRefusal | null {
  if (row.revoked_at !== null) return 'revoked';
  if (row.expires_at <= now.toISOString()) return 'expired';
  if (row.email !== null && row.email !== normalizeEmail(user.email)) return 'wrong_account';
  if (row.max_uses !== null && row.uses >= row.max_uses) return 'used_up';
  return null;
}

/** Looks up the invitation behind a link's token for `user` without changing anything. */
export async function inspectInvitation(
  db: Db,
  token: string,
  user: SessionUser,
  now = new Date(),
): Promise<InvitationLookup> {
  const row = await findInvitation(db, token);
  if (row === undefined) return { status: 'unknown' };
  const refusal = refusalOf(row, user, now);
  // Someone who accepted a used-up link may open it again (it then leads to the plan).
  const reopened = refusal === 'used_up' && (await hasAccepted(db, row.id, user.id));
  if (refusal !== null && !reopened) return { status: refusal };
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
  { status: 'accepted'; planId: string; role: Role } | { status: InvitationRefusal };

async function hasAccepted(db: Db, invitationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('invitation_acceptances')
    .select('user_id')
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes one use of the invitation in a single conditional update, so two people accepting the
 * last use at the same moment cannot both get it: the database serialises the two updates and
 * the second finds the condition false (PostgreSQL re-checks it on the row the first committed).
 */
async function claimUse(db: Db, invitationId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', invitationId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The role of `userId` in `planId`, or null for a non-member. */
async function roleIn(db: Db, planId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('plan_members')
    .select('role')
    .where('plan_id', '=', planId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Gives `userId` at least `role` in `planId` (an invitation never lowers a role). */
async function grantRole(db: Db, planId: string, userId: string, role: Role): Promise<Role> {
  const current = await roleIn(db, planId, userId);
  if (current === null) {
    await db
      .insertInto('plan_members')
      .values({ plan_id: planId, user_id: userId, role })
      .execute();
    return role;
  }
  const next = higherRole(current, role);
  if (next !== current) {
    await db
      .updateTable('plan_members')
      .set({ role: next })
      .where('plan_id', '=', planId)
      .where('user_id', '=', userId)
      .execute();
  }
  return next;
}

/**
 * Makes `user` a member of the invitation's plan with its role, or keeps the member's current
 * role when that is higher. Each acceptance takes one of the link's uses (one, unless the
 * facilitator allowed more) and is logged; an account that already has the role, or accepted
 * this link before, takes none. A link naming an e-mail address is accepted only by the account
 * with that address.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  user: SessionUser,
  now = new Date(),
): Promise<AcceptResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findInvitation(trx, token);
    if (row === undefined) return { status: 'unknown' };
    const refusal = refusalOf(row, user, now);
    if (refusal !== null && refusal !== 'used_up') return { status: refusal };
    const member = await roleIn(trx, row.plan_id, user.id);
    if (
      member !== null &&
      (ranksAtLeast(member, row.role) || (await hasAccepted(trx, row.id, user.id)))
    ) {
      return { status: 'accepted', planId: row.plan_id, role: member };
    }
    if (!(await claimUse(trx, row.id, now))) {
      // Used up meanwhile, unless this very account took the use in a parallel request.
      const role = await roleIn(trx, row.plan_id, user.id);
      if (role !== null && (await hasAccepted(trx, row.id, user.id))) {
        return { status: 'accepted', planId: row.plan_id, role };
      }
      return { status: 'used_up' };
    }
    await trx
      .insertInto('invitation_acceptances')
      .values({ invitation_id: row.id, user_id: user.id, accepted_at: now.toISOString() })
      .onConflict((conflict) => conflict.columns(['invitation_id', 'user_id']).doNothing())
      .execute();
    const role = await grantRole(trx, row.plan_id, user.id, row.role);
    return { status: 'accepted', planId: row.plan_id, role };
  });
}
