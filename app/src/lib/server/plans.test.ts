import { getMeta, updateMeta } from '@prozesswerkstatt/plan-model';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from './db.js';
import { acceptInvitation, createInvitation } from './invitations.js';
import { changeMemberRole, listMembers, removeMember } from './members.js';
import { checkMember } from './membership.js';
import { currentPlanFields, listPlansForUser } from './plan-list.js';
import { createPlan, parsePlanFields, renamePlan, setArchived } from './plans.js';
import { describeEachDialect, testAccount } from './test-database.js';

async function loadDoc(storage: SqlDocumentStorage, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await storage.loadDocument(docName);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

await describeEachDialect('plans and membership', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, storage, close } = await openTestStorage()));
  afterEach(() => close());

  it('creates the plan document on the server and lists the plan for its facilitator', async () => {
    const ada = await testAccount(db, 'ada');
    const id = await createPlan(db, storage, ada, { title: 'Spielplatz', requestingUnit: 'SGA' });
    const doc = await loadDoc(storage, `plans/${id}`);
    expect(getMeta(doc)).toMatchObject({
      title: 'Spielplatz',
      requestingUnit: 'SGA',
      facilitator: 'ada',
      status: 'draft',
      schemaVersion: expect.any(Number),
    });
    expect(await listPlansForUser(db, storage, ada.id)).toEqual([
      expect.objectContaining({
        id,
        title: 'Spielplatz',
        requestingUnit: 'SGA',
        facilitatorName: 'ada',
        status: 'draft',
        role: 'facilitator',
        mine: true,
        archived: false,
      }),
    ]);
  });

  it('renames in the listing and in the document, and archives', async () => {
    const ada = await testAccount(db, 'ada');
    const id = await createPlan(db, storage, ada, { title: 'Alt', requestingUnit: '' });
    await renamePlan(db, storage, id, { title: 'Neu', requestingUnit: 'Bezirksamt' });
    expect(getMeta(await loadDoc(storage, `plans/${id}`))).toMatchObject({
      title: 'Neu',
      requestingUnit: 'Bezirksamt',
    });
    await setArchived(db, id, true);
    expect(await listPlansForUser(db, storage, ada.id)).toEqual([
      expect.objectContaining({ title: 'Neu', archived: true }),
    ]);
  });

  it('lists title and unit from the document after board edits, without writing', async () => {
    const ada = await testAccount(db, 'ada');
    const id = await createPlan(db, storage, ada, { title: 'Vorher', requestingUnit: 'A' });
    const [created] = await listPlansForUser(db, storage, ada.id);
    // An edit on the board: the collab-server appends the update, the row knows nothing of it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const doc = await loadDoc(storage, `plans/${id}`);
    const before = Y.encodeStateVector(doc);
    updateMeta(doc, { title: 'Nachher', requestingUnit: 'B', status: 'in_review' });
    await storage.appendUpdates(`plans/${id}`, [Y.encodeStateAsUpdate(doc, before)]);

    // Title and unit come from the document; the status only from the approval workflow's row,
    // so a client that writes `meta.status` itself cannot make a plan look approved.
    const [edited] = await listPlansForUser(db, storage, ada.id);
    expect(edited).toMatchObject({ title: 'Nachher', requestingUnit: 'B', status: 'draft' });
    expect(edited!.lastChange > created!.lastChange).toBe(true);
    expect(edited!.lastChange).toBe(
      (await storage.lastUpdatedAt([`plans/${id}`])).get(`plans/${id}`),
    );
    // The list is a GET: the row stays as the settings last wrote it.
    const row = await db
      .selectFrom('plans')
      .select(['title', 'requesting_unit', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Vorher', requesting_unit: 'A' });
    expect(row.updated_at < edited!.lastChange).toBe(true);
    // The settings form starts from the document's values too.
    expect(
      await currentPlanFields(storage, `plans/${id}`, { title: 'Vorher', requestingUnit: 'A' }),
    ).toEqual({ title: 'Nachher', requestingUnit: 'B' });
    expect(
      await currentPlanFields(storage, 'plans/missing', { title: 'Zeile', requestingUnit: 'Z' }),
    ).toEqual({ title: 'Zeile', requestingUnit: 'Z' });

    // A rename in the settings writes both; the list shows it.
    await renamePlan(db, storage, id, { title: 'Neu', requestingUnit: 'C' });
    expect(await listPlansForUser(db, storage, ada.id)).toEqual([
      expect.objectContaining({ title: 'Neu', requestingUnit: 'C', status: 'draft' }),
    ]);
  });

  it('validates the plan fields with named errors', () => {
    expect(parsePlanFields({ title: '  ', requestingUnit: 'x'.repeat(201) })).toEqual({
      ok: false,
      errors: { title: 'title_required', requestingUnit: 'unit_too_long' },
    });
    expect(parsePlanFields({ title: ' T ', requestingUnit: '' })).toEqual({
      ok: true,
      value: { title: 'T', requestingUnit: '' },
    });
  });

  it('answers 401, 404 and 403 for anonymous users, non-members and too low a role', async () => {
    const ada = await testAccount(db, 'ada');
    const bob = await testAccount(db, 'bob');
    const id = await createPlan(db, storage, ada, { title: 'P', requestingUnit: '' });
    expect(await checkMember(db, null, id, 'plan.read')).toEqual({ ok: false, status: 401 });
    expect(await checkMember(db, bob, id, 'plan.read')).toEqual({ ok: false, status: 404 });
    expect(await checkMember(db, bob, 'missing', 'plan.read')).toEqual({ ok: false, status: 404 });
    await db
      .insertInto('plan_members')
      .values({ plan_id: id, user_id: bob.id, role: 'viewer' })
      .execute();
    expect(await checkMember(db, bob, id, 'plan.edit')).toEqual({ ok: false, status: 403 });
    expect(await checkMember(db, bob, id, 'plan.read')).toMatchObject({
      ok: true,
      plan: { role: 'viewer' },
    });
  });

  it('invites: accept grants the role, never downgrades, expired and revoked links fail', async () => {
    const ada = await testAccount(db, 'ada');
    const bob = await testAccount(db, 'bob');
    const id = await createPlan(db, storage, ada, { title: 'P', requestingUnit: '' });
    const now = new Date();
    const editorLink = await createInvitation(
      db,
      { planId: id, role: 'editor', days: 7, createdBy: ada.id },
      now,
    );
    const stored = await db.selectFrom('invitations').select('id').execute();
    expect(stored).toEqual([{ id: editorLink.id }]);
    expect(editorLink.id).not.toBe(editorLink.token);

    expect(await acceptInvitation(db, editorLink.token, bob)).toEqual({
      status: 'accepted',
      planId: id,
      role: 'editor',
    });
    const viewerLink = await createInvitation(db, {
      planId: id,
      role: 'viewer',
      days: 1,
      createdBy: ada.id,
    });
    expect(await acceptInvitation(db, viewerLink.token, bob)).toMatchObject({ role: 'editor' });
    expect(await acceptInvitation(db, viewerLink.token, ada)).toMatchObject({
      role: 'facilitator',
    });

    const later = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect(await acceptInvitation(db, editorLink.token, bob, later)).toEqual({
      status: 'expired',
    });
    await db.updateTable('invitations').set({ revoked_at: now.toISOString() }).execute();
    expect(await acceptInvitation(db, viewerLink.token, bob)).toEqual({ status: 'revoked' });
    expect(await acceptInvitation(db, 'bogus', bob)).toEqual({ status: 'unknown' });
  });

  it('clamps invitation validity to 1–30 days', async () => {
    const ada = await testAccount(db, 'ada');
    const id = await createPlan(db, storage, ada, { title: 'P', requestingUnit: '' });
    const now = new Date('2030-01-01T00:00:00.000Z');
    const long = await createInvitation(
      db,
      { planId: id, role: 'viewer', days: 99, createdBy: ada.id },
      now,
    );
    expect(long.expiresAt).toBe('2030-01-31T00:00:00.000Z');
  });

  it('changes roles and removes members but keeps the last facilitator', async () => {
    const ada = await testAccount(db, 'ada');
    const bob = await testAccount(db, 'bob');
    const id = await createPlan(db, storage, ada, { title: 'P', requestingUnit: '' });
    await db
      .insertInto('plan_members')
      .values({ plan_id: id, user_id: bob.id, role: 'editor' })
      .execute();
    expect(await changeMemberRole(db, id, ada.id, 'editor')).toBe('last_facilitator');
    expect(await removeMember(db, id, ada.id)).toBe('last_facilitator');
    expect(await changeMemberRole(db, id, bob.id, 'viewer')).toBe('changed');
    expect(await changeMemberRole(db, id, 'nobody', 'viewer')).toBe('not_member');
    expect(await removeMember(db, id, bob.id)).toBe('removed');
    expect(
      (await listMembers(db, id, { userId: ada.id, seesEmails: true })).map(
        (member) => member.name,
      ),
    ).toEqual(['ada']);
  });
});
