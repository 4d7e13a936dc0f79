import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import { listAcceptances, listOpenInvitations } from './invitation-list.js';
import {
  acceptInvitation,
  createInvitation,
  inspectInvitation,
  revokeInvitation,
} from './invitations.js';
import { createPlan } from './plans.js';
import { describeEachDialect, testAccount } from './test-database.js';
import type { SessionUser } from './users.js';

await describeEachDialect('invitations', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let ada: SessionUser;
  let planId: string;
  beforeEach(async () => {
    ({ db, storage, close } = await openTestStorage());
    ada = await testAccount(db, 'ada');
    planId = await createPlan(db, storage, ada, { title: 'P', requestingUnit: '' });
  });
  afterEach(() => close());

  async function accounts(count: number): Promise<SessionUser[]> {
    const people: SessionUser[] = [];
    for (let i = 0; i < count; i++) people.push(await testAccount(db, `person${i}`));
    return people;
  }

  async function memberIds(): Promise<string[]> {
    const rows = await db
      .selectFrom('plan_members')
      .select('user_id')
      .where('plan_id', '=', planId)
      .where('user_id', '!=', ada.id)
      .execute();
    return rows.map((row) => row.user_id);
  }

  it('is single-use by default for 7 days: of ten people accepting at once, one gets in', async () => {
    const now = new Date();
    const link = await createInvitation(
      db,
      { planId, role: 'editor', days: 7, createdBy: ada.id },
      now,
    );
    expect(link.maxUses).toBe(1);
    expect(new Date(link.expiresAt).getTime() - now.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    const people = await accounts(10);
    const results = await Promise.all(
      people.map((person) => acceptInvitation(db, link.token, person)),
    );
    const accepted = results.filter((result) => result.status === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(results.filter((result) => result.status === 'used_up')).toHaveLength(9);
    expect(await memberIds()).toHaveLength(1);
    const [row] = await db.selectFrom('invitations').select('uses').execute();
    expect(row?.uses).toBe(1);
    // Gone from the open list, but in the log; the one who got in may open the link again.
    expect(await listOpenInvitations(db, planId)).toEqual([]);
    const log = await listAcceptances(db, planId);
    expect(log).toHaveLength(1);
    const [winnerId] = await memberIds();
    const winner = people.find((person) => person.id === winnerId);
    expect(log[0]).toMatchObject({ acceptedByName: winner?.name, invitedByName: 'ada' });
    expect((await inspectInvitation(db, link.token, winner!)).status).toBe('valid');
    expect(await acceptInvitation(db, link.token, winner!)).toMatchObject({ status: 'accepted' });
  });

  it('lets a multi-use link in exactly as many people as allowed, even all at once', async () => {
    const link = await createInvitation(db, {
      planId,
      role: 'viewer',
      days: 3,
      createdBy: ada.id,
      maxUses: 3,
    });
    const people = await accounts(8);
    const results = await Promise.all(
      people.map((person) => acceptInvitation(db, link.token, person)),
    );
    expect(results.filter((result) => result.status === 'accepted')).toHaveLength(3);
    expect(await memberIds()).toHaveLength(3);
    expect(await listAcceptances(db, planId)).toHaveLength(3);
  });

  it('accepts a link naming an address only from the account with it, in any case', async () => {
    const [bob, eve] = await accounts(2);
    const link = await createInvitation(db, {
      planId,
      role: 'commenter',
      days: 7,
      createdBy: ada.id,
      email: ' Person0@Example.ORG ',
    });
    expect(link.email).toBe('person0@example.org');
    expect(await inspectInvitation(db, link.token, eve!)).toEqual({ status: 'wrong_account' });
    expect(await acceptInvitation(db, link.token, eve!)).toEqual({ status: 'wrong_account' });
    expect(await acceptInvitation(db, link.token, bob!)).toMatchObject({
      status: 'accepted',
      role: 'commenter',
    });
    expect(await memberIds()).toEqual([bob!.id]);
  });

  it('lists open links with uses and address, and a revoked one can no longer be accepted', async () => {
    const [bob] = await accounts(1);
    const link = await createInvitation(db, {
      planId,
      role: 'editor',
      days: 7,
      createdBy: ada.id,
      maxUses: 2,
      email: 'person0@example.org',
    });
    expect(await listOpenInvitations(db, planId)).toEqual([
      expect.objectContaining({
        id: link.id,
        uses: 0,
        maxUses: 2,
        email: 'person0@example.org',
        createdByName: 'ada',
      }),
    ]);
    expect(await revokeInvitation(db, planId, link.id)).toBe(true);
    expect(await revokeInvitation(db, planId, link.id)).toBe(false);
    expect(await acceptInvitation(db, link.token, bob!)).toEqual({ status: 'revoked' });
    expect(await listOpenInvitations(db, planId)).toEqual([]);
  });

  it('keeps a link made before the limits valid as it was (no limit) until it ends', async () => {
    const link = await createInvitation(db, { planId, role: 'viewer', days: 7, createdBy: ada.id });
    await db.updateTable('invitations').set({ max_uses: null }).execute();
    const people = await accounts(3);
    for (const person of people) {
      expect(await acceptInvitation(db, link.token, person)).toMatchObject({ status: 'accepted' });
    }
    expect(await listOpenInvitations(db, planId)).toEqual([
      expect.objectContaining({ uses: 3, maxUses: null }),
    ]);
  });

  it('takes no use from an account that already has the role', async () => {
    const link = await createInvitation(db, { planId, role: 'viewer', days: 7, createdBy: ada.id });
    expect(await acceptInvitation(db, link.token, ada)).toMatchObject({ role: 'facilitator' });
    const [bob] = await accounts(1);
    expect(await acceptInvitation(db, link.token, bob!)).toMatchObject({ status: 'accepted' });
  });
});
