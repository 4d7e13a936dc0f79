import { ROLES, type Role } from './roles.js';

const everyone = ROLES;
const commentersAndUp = ['commenter', 'editor', 'facilitator'] as const satisfies readonly Role[];
const editorsAndUp = ['editor', 'facilitator'] as const satisfies readonly Role[];
const facilitators = ['facilitator'] as const satisfies readonly Role[];

/**
 * Who may do what in one plan: the one table the app's routes, the board's controls and the
 * collab-server's write check read. A new area adds its rows here (and a row per route in
 * `tests/server/authorization-matrix.test.ts`); nothing else names roles for a decision.
 */
export const PERMISSIONS = {
  /** Open the board, its activity, print view and exports; get a collab token (read-only). */
  'plan.read': everyone,
  /** Change the plan document: the collab-server refuses updates of every other role. */
  'plan.edit': editorsAndUp,
  /** Rename, archive and unarchive the plan (settings page). */
  'plan.manage': facilitators,
  /** See who is a member. */
  'members.read': everyone,
  /** Change roles, remove members, create and revoke invitation links; see members' e-mails. */
  'members.manage': facilitators,
  /** Read comment threads and mark them read. */
  'comments.read': everyone,
  /** Start threads, reply, edit and delete one's own comments, resolve one's own threads. */
  'comments.write': commentersAndUp,
  /** Resolve or reopen anyone's thread. */
  'comments.moderate': facilitators,
  /** Read approved versions (their page, comparison and exports). */
  'versions.readApproved': everyone,
  /** Read drafts, checkpoints and versions saved before a restore. */
  'versions.readAll': commentersAndUp,
  /** Save, rename and restore versions (and preview a restore). */
  'versions.save': editorsAndUp,
  /** Submit a named version for approval. */
  'versions.submit': facilitators,
  /** Approve or reject a version in review (facilitator for their side, editor for the unit). */
  'versions.signOff': editorsAndUp,
  /** Participation results: see them. */
  'results.read': everyone,
  /** Participation results: comment on them. */
  'results.comment': commentersAndUp,
  /** Participation results: weigh and answer them. */
  'results.answer': editorsAndUp,
  /** Participation results: release them. */
  'results.release': facilitators,
} as const satisfies Record<string, readonly Role[]>;

/** The name of one thing a role may or may not do, e.g. `plan.edit`. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission name, in the table's order. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** True when `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** True when the role may change the plan document (board editing, live writes). */
export function mayEditPlan(role: Role): boolean {
  return can(role, 'plan.edit');
}

/** True when the role may write comments (start, reply, edit its own). */
export function mayComment(role: Role): boolean {
  return can(role, 'comments.write');
}

/** True when the role may manage the plan (settings) and its members. */
export function mayManagePlan(role: Role): boolean {
  return can(role, 'plan.manage');
}

/** True when the role may release participation results. */
export function mayRelease(role: Role): boolean {
  return can(role, 'results.release');
}

/**
 * Whether `role` may read a version in `status`: viewers read approved versions only, commenters
 * and up every version.
 */
export function mayReadVersion(role: Role, status: string): boolean {
  return can(role, status === 'approved' ? 'versions.readApproved' : 'versions.readAll');
}
