/**
 * The roles a member can have in one plan, from least to most rights. What each role may do is
 * the table in `permissions.ts`; this order only serves "the higher of two roles".
 */
export const ROLES = ['viewer', 'commenter', 'editor', 'facilitator'] as const;

/** A member's role in one plan. */
export type Role = (typeof ROLES)[number];

/** Roles an invitation link may carry (a facilitator is made on the members page instead). */
export const INVITABLE_ROLES = ['editor', 'commenter', 'viewer'] as const satisfies readonly Role[];

/** True when `value` names a role (input from forms, tokens, relays, other browsers). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` ranks at least as high as `other`. */
export function ranksAtLeast(role: Role, other: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(other);
}

/** The higher of two roles (accepting an invitation never lowers a role). */
export function higherRole(a: Role, b: Role): Role {
  return ranksAtLeast(a, b) ? a : b;
}
