import { describe, expect, it } from 'vitest';
import type { Role } from '@prozesswerkstatt/contract';
import type { VerifiedCollabToken } from '@prozesswerkstatt/contract/token';
import { parseAccessChange } from './access-change.js';
import { AccessRevocations } from './access-revocations.js';

const at = 1_800_000_000_000;
const token = (role: Role, issuedAt: number | null, userId = 'u1'): VerifiedCollabToken => ({
  userId,
  name: userId,
  docName: 'plans/p',
  role,
  expiresAt: at / 1000 + 600,
  issuedAt,
});

describe('AccessRevocations', () => {
  it('refuses a token issued before a role change in the old role only', () => {
    const revocations = new AccessRevocations();
    revocations.record({ kind: 'role', docName: 'plans/p', userId: 'u1', role: 'viewer' }, at);
    const before = at / 1000 - 30;
    expect(revocations.refusalFor(token('editor', before), at)?.code).toBe(4409);
    expect(revocations.refusalFor(token('editor', null), at)?.code).toBe(4409);
    expect(revocations.refusalFor(token('viewer', before), at)).toBeNull();
    expect(revocations.refusalFor(token('editor', at / 1000 + 1), at)).toBeNull();
    expect(revocations.refusalFor(token('editor', before, 'u2'), at)).toBeNull();
  });

  it('refuses every older token of a removed member and of a deleted plan', () => {
    const revocations = new AccessRevocations();
    revocations.record({ kind: 'removed', docName: 'plans/p', userId: 'u1' }, at);
    expect(revocations.refusalFor(token('viewer', at / 1000), at)?.code).toBe(4403);
    revocations.record({ kind: 'deleted', docName: 'plans/p' }, at);
    expect(revocations.refusalFor(token('facilitator', at / 1000, 'u2'), at)?.code).toBe(4410);
  });

  it('forgets a change once every token issued before it has expired', () => {
    const revocations = new AccessRevocations(60_000);
    revocations.record({ kind: 'removed', docName: 'plans/p', userId: 'u1' }, at);
    expect(revocations.refusalFor(token('editor', at / 1000 - 1), at + 61_000)).toBeNull();
    expect(revocations.size).toBe(0);
  });
});

describe('parseAccessChange', () => {
  it('accepts the three kinds and nothing else', () => {
    expect(parseAccessChange({ kind: 'deleted', docName: 'd' })).toEqual({
      kind: 'deleted',
      docName: 'd',
    });
    expect(parseAccessChange({ kind: 'role', docName: 'd', userId: 'u', role: 'viewer' })).toEqual({
      kind: 'role',
      docName: 'd',
      userId: 'u',
      role: 'viewer',
    });
    expect(
      parseAccessChange({ kind: 'role', docName: 'd', userId: 'u', role: 'owner' }),
    ).toBeNull();
    expect(parseAccessChange({ kind: 'removed', docName: 'd' })).toBeNull();
    expect(parseAccessChange(null)).toBeNull();
  });
});
