import { describe, expect, it } from 'vitest';
import {
  can,
  mayComment,
  mayEditPlan,
  mayManagePlan,
  mayReadVersion,
  mayRelease,
  PERMISSION_NAMES,
  PERMISSIONS,
  type Permission,
} from './permissions.js';
import { higherRole, INVITABLE_ROLES, isRole, ranksAtLeast, ROLES, type Role } from './roles.js';

/**
 * The whole table written out once more by hand, role by role (viewer, commenter, editor,
 * facilitator): a change to who may do what must change this test too.
 */
const EXPECTED: Record<Permission, string> = {
  'plan.read': 'VCEF',
  'plan.edit': '--EF',
  'plan.manage': '---F',
  'members.read': 'VCEF',
  'members.manage': '---F',
  'comments.read': 'VCEF',
  'comments.write': '-CEF',
  'comments.moderate': '---F',
  'versions.readApproved': 'VCEF',
  'versions.readAll': '-CEF',
  'versions.save': '--EF',
  'versions.submit': '---F',
  'versions.signOff': '--EF',
  'results.read': 'VCEF',
  'results.comment': '-CEF',
  'results.answer': '--EF',
  'results.release': '---F',
};

function row(permission: Permission): string {
  return ROLES.map((role, i) => (can(role, permission) ? 'VCEF'[i] : '-')).join('');
}

describe('the permission table', () => {
  it('grants exactly what the table says', () => {
    expect(Object.fromEntries(PERMISSION_NAMES.map((p) => [p, row(p)]))).toEqual(EXPECTED);
  });

  it('names only known roles, each once', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      expect(roles.every(isRole)).toBe(true);
      expect(new Set(roles).size).toBe(roles.length);
    }
  });

  it('gives every higher role what a lower one may do', () => {
    for (const permission of PERMISSION_NAMES) {
      const granted = ROLES.map((role) => can(role, permission));
      expect(granted).toEqual([...granted].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it('answers the named checks from the table', () => {
    const by = (check: (role: Role) => boolean) => ROLES.filter(check);
    expect(by(mayEditPlan)).toEqual(['editor', 'facilitator']);
    expect(by(mayComment)).toEqual(['commenter', 'editor', 'facilitator']);
    expect(by(mayManagePlan)).toEqual(['facilitator']);
    expect(by(mayRelease)).toEqual(['facilitator']);
  });

  it('lets viewers read approved versions only; commenters and up every version', () => {
    for (const status of ['draft', 'in_review', 'rejected', 'superseded']) {
      expect(mayReadVersion('viewer', status)).toBe(false);
      expect(mayReadVersion('commenter', status)).toBe(true);
    }
    expect(mayReadVersion('viewer', 'approved')).toBe(true);
    expect(mayReadVersion('editor', 'draft')).toBe(true);
    expect(mayReadVersion('facilitator', 'in_review')).toBe(true);
  });
});

describe('roles', () => {
  it('knows the four roles and refuses anything else', () => {
    expect(ROLES.filter(isRole)).toHaveLength(4);
    for (const bad of ['admin', 'owner', '', 'Editor', null, 3]) expect(isRole(bad)).toBe(false);
  });

  it('never invites a facilitator and never lowers a role', () => {
    expect(INVITABLE_ROLES).not.toContain('facilitator');
    expect(higherRole('editor', 'viewer')).toBe('editor');
    expect(higherRole('commenter', 'facilitator')).toBe('facilitator');
    expect(higherRole('viewer', 'editor')).toBe('editor');
    expect(ranksAtLeast('editor', 'commenter')).toBe(true);
    expect(ranksAtLeast('viewer', 'editor')).toBe(false);
  });
});
