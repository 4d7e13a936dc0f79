import { planDocumentName } from '@prozesswerkstatt/contract';
import {
  addStakeholder,
  hashPlan,
  removeStakeholder,
  toCanonicalJSON,
  updateMeta,
} from '@prozesswerkstatt/plan-model';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { loadExportSource } from '../exports/export-source.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { listedApprovalDrift, storedApprovalDrift } from './approval-drift.js';

await describeEachDialect('approval drift', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let ada: SessionUser;
  let bob: SessionUser;
  let planId: string;
  beforeEach(async () => {
    ({ db, storage, close } = await openTestStorage());
    ada = await testAccount(db, 'ada');
    bob = await testAccount(db, 'bob');
    planId = await createPlan(db, storage, ada, { title: 'Spielplatz', requestingUnit: 'SGA' });
  });
  afterEach(() => close());

  /** Changes the stored document as an edit through the collab-server would. */
  async function editStored(change: (doc: Y.Doc) => void): Promise<void> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storage.loadDocument(planDocumentName(planId)))!);
    const before = Y.encodeStateVector(doc);
    change(doc);
    await storage.appendUpdates(planDocumentName(planId), [Y.encodeStateAsUpdate(doc, before)]);
    doc.destroy();
  }

  /** Takes the stored plan as version "März-Fassung", approved by both sides, and the plan too. */
  async function approveStored(): Promise<void> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await storage.loadDocument(planDocumentName(planId)))!);
    await db
      .insertInto('versions')
      .values({
        id: 'v1',
        doc_name: planDocumentName(planId),
        kind: 'named',
        label: 'März-Fassung',
        note: null,
        state: Y.encodeStateAsUpdate(doc),
        canonical_json: toCanonicalJSON(doc),
        sha256: await hashPlan(doc),
        author_id: ada.id,
        status: 'in_review',
      })
      .execute();
    for (const [user, role] of [
      [ada, 'facilitator'],
      [bob, 'requesting_unit'],
    ] as const) {
      await db
        .insertInto('version_approvals')
        .values({ version_id: 'v1', user_id: user.id, role, decision: 'approved', reason: null })
        .execute();
    }
    await db.updateTable('versions').set({ status: 'approved' }).where('id', '=', 'v1').execute();
    await db.updateTable('plans').set({ status: 'approved' }).where('id', '=', planId).execute();
    // The status mirror the approval writes into the document is no change of the plan.
    await editStored((d) => updateMeta(d, { status: 'approved' }));
    doc.destroy();
  }

  it('is none right after approval, the approved version after an edit, none once undone', async () => {
    await editStored((d) => void addStakeholder(d, { name: 'Anwohnende' }));
    expect(await storedApprovalDrift(db, storage, planId)).toBeNull();
    await approveStored();
    expect(await storedApprovalDrift(db, storage, planId)).toBeNull();

    let added = '';
    await editStored((d) => void (added = addStakeholder(d, { name: 'Kiezrat' })));
    expect(await storedApprovalDrift(db, storage, planId)).toEqual({
      versionId: 'v1',
      versionLabel: 'März-Fassung',
    });
    const exported = await loadExportSource(db, storage, planId);
    if (!exported.ok) throw new Error(exported.problem);
    expect(exported.source.changedSinceApproval).toBe('März-Fassung');

    await editStored((d) => void removeStakeholder(d, added as never));
    expect(await storedApprovalDrift(db, storage, planId)).toBeNull();
  });

  it('is none for a plan that is not approved, even when its content differs', async () => {
    await approveStored();
    await editStored((d) => void addStakeholder(d, { name: 'Kiezrat' }));
    await db.updateTable('plans').set({ status: 'in_review' }).where('id', '=', planId).execute();
    expect(await storedApprovalDrift(db, storage, planId)).toBeNull();
  });

  it('the plans list recomputes only when the stamp of the plan changes', async () => {
    await approveStored();
    expect(await listedApprovalDrift(db, storage, planId, 'stamp-1')).toBeNull();
    await editStored((d) => void addStakeholder(d, { name: 'Kiezrat' }));
    // Same stamp: the remembered answer, no document load.
    expect(await listedApprovalDrift(db, storage, planId, 'stamp-1')).toBeNull();
    expect(await listedApprovalDrift(db, storage, planId, 'stamp-2')).toMatchObject({
      versionLabel: 'März-Fassung',
    });
  });
});
