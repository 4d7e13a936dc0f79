import { CloseCode, isRole, type CloseCodeValue, type Role } from '@prozesswerkstatt/contract';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';

/**
 * A change of who may open a document, committed by the app: a member's new role, a member's
 * removal, or the plan's deletion. Open connections it affects are closed at once (see
 * `CollabHub.applyAccessChange`).
 */
export type AccessChange =
  | { kind: 'role'; docName: string; userId: string; role: Role }
  | { kind: 'removed'; docName: string; userId: string }
  | { kind: 'deleted'; docName: string };

/** How a connection hit by a change is closed. */
export interface AccessClose {
  code: CloseCodeValue;
  reason: string;
}

/**
 * Whether `auth` (a connection's token) is hit by `change`, and how to close it then. A role
 * change hits only connections in another role (a promotion to the same role changes nothing).
 */
export function closeFor(change: AccessChange, auth: VerifiedCollabToken): AccessClose | null {
  if (auth.docName !== change.docName) return null;
  if (change.kind === 'deleted') {
    return { code: CloseCode.PlanDeleted, reason: 'the plan was deleted' };
  }
  if (auth.userId !== change.userId) return null;
  if (change.kind === 'removed') {
    return { code: CloseCode.MembershipRemoved, reason: 'you were removed from this plan' };
  }
  if (auth.role === change.role) return null;
  return {
    code: CloseCode.RoleChanged,
    reason: `role changed to "${change.role}"; reconnect with a new token`,
  };
}

/** Parses a change from JSON (relay message or request body); null when it is not one. */
export function parseAccessChange(value: unknown): AccessChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, docName, userId, role } = value as Record<string, unknown>;
  if (typeof docName !== 'string' || docName === '') return null;
  if (kind === 'deleted') return { kind, docName };
  if (typeof userId !== 'string' || userId === '') return null;
  if (kind === 'removed') return { kind, docName, userId };
  if (kind === 'role' && isRole(role)) return { kind, docName, userId, role };
  return null;
}
