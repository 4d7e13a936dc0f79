import { planDocumentName } from '@prozesswerkstatt/contract';
import {
  checkGuidelines,
  GUIDELINE_RULES_VERSION,
  storeGuidelineCheck,
} from '@prozesswerkstatt/guideline-check';
import {
  addStakeholder,
  hashPlan,
  planToJSON,
  toCanonicalJSON,
} from '@prozesswerkstatt/plan-model';
import type { SqlDocumentStorage } from '@prozesswerkstatt/storage';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createPlan } from '../plans.js';
import { describeEachDialect, testAccount } from '../test-database.js';
import type { SessionUser } from '../users.js';
import { recordOpenThreads } from '../comment-versions.js';
import {
  createThread,
  deleteComment,
  editComment,
  replyToThread,
  setThreadStatus,
} from '../comments.js';
import { saveVersion } from '../versions/versions.js';
import { renderExport } from './export-document.js';
import { loadExportSource } from './export-source.js';

/** The stored plan document with one stakeholder added (as an edit on the board would). */
async function addStored(
  storage: SqlDocumentStorage,
  docName: string,
  name: string,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await storage.loadDocument(docName))!);
  const before = Y.encodeStateVector(doc);
  addStakeholder(doc, { name });
  await storage.appendUpdates(docName, [Y.encodeStateAsUpdate(doc, before)]);
  return doc;
}

await describeEachDialect('export source', (openTestStorage) => {
  let db: Db;
  let storage: SqlDocumentStorage;
  let close: () => Promise<void>;
  let ada: SessionUser;
  let planId: string;
  let docName: string;
  beforeEach(async () => {
    ({ db, storage, close } = await openTestStorage());
    ada = await testAccount(db, 'ada');
    planId = await createPlan(db, storage, ada, { title: 'Spielplatz', requestingUnit: 'SGA' });
    docName = planDocumentName(planId);
  });
  afterEach(() => close());

  async function insertVersion(id: string, doc: Y.Doc, sha256?: string, doc_name = docName) {
    await db
      .insertInto('versions')
      .values({
        id,
        doc_name,
        kind: 'named',
        label: 'Fassung 1',
        note: 'für die BVV',
        state: Y.encodeStateAsUpdate(doc),
        canonical_json: toCanonicalJSON(doc),
        sha256: sha256 ?? (await hashPlan(doc)),
        author_id: ada.id,
        status: 'in_review',
      })
      .execute();
  }

  it('reads the current plan from storage, including the latest stored edit', async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    const result = await loadExportSource(db, storage, planId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.plan).toEqual(planToJSON(doc));
    expect(result.source.canonicalJSON).toBe(toCanonicalJSON(doc));
    expect(result.source.version).toBeUndefined();
  });

  it('reads a version with its author and approvals, not the later current state', async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    await insertVersion('v1', doc);
    await db
      .insertInto('version_approvals')
      .values({
        version_id: 'v1',
        user_id: ada.id,
        role: 'facilitator',
        decision: 'approved',
        reason: null,
      })
      .execute();
    await addStored(storage, docName, 'Später hinzugefügt');
    const result = await loadExportSource(db, storage, planId, 'v1');
    if (!result.ok) throw new Error(result.problem);
    expect(result.source.plan.stakeholders.map((s) => s.name)).toEqual(['Kiezrat']);
    expect(result.source.version).toMatchObject({
      id: 'v1',
      label: 'Fassung 1',
      note: 'für die BVV',
      authorName: 'ada',
      sha256: await hashPlan(doc),
      status: 'in_review',
    });
    expect(result.source.approvals).toEqual([
      {
        userName: 'ada',
        role: 'facilitator',
        decision: 'approved',
        reason: '',
        at: expect.any(String),
      },
    ]);
  });

  it("carries a version's stored guideline check; an old version's is recomputed", async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    const saved = await saveVersion(
      db,
      planId,
      { kind: 'named', label: 'Mit Check', note: '', authorId: ada.id },
      Y.encodeStateAsUpdate(doc),
    );
    expect(saved.guideline_rules_version).toBe(GUIDELINE_RULES_VERSION);
    const now = checkGuidelines(planToJSON(doc));
    expect(JSON.parse(saved.guideline_check ?? 'null')).toEqual(now);
    const fresh = await loadExportSource(db, storage, planId, saved.id);
    if (!fresh.ok) throw new Error(fresh.problem);
    expect(fresh.source.guidelineCheck).toEqual({
      check: now,
      rulesVersion: GUIDELINE_RULES_VERSION,
      recomputed: false,
    });

    // What is shown is what is stored, not a new check of the snapshot (a draft may be changed).
    const other = checkGuidelines(planToJSON(new Y.Doc()));
    await db
      .updateTable('versions')
      .set({ guideline_check: storeGuidelineCheck(other), guideline_rules_version: 1 })
      .where('id', '=', saved.id)
      .execute();
    const stored = await loadExportSource(db, storage, planId, saved.id);
    if (!stored.ok) throw new Error(stored.problem);
    expect(stored.source.guidelineCheck).toEqual({
      check: other,
      rulesVersion: 1,
      recomputed: false,
    });

    // A version from before checks were stored: today's check, and the document says so.
    await insertVersion('old', doc);
    const old = await loadExportSource(db, storage, planId, 'old');
    if (!old.ok) throw new Error(old.problem);
    expect(old.source.guidelineCheck).toEqual({ check: now, rulesVersion: null, recomputed: true });
    const markdown = new TextDecoder().decode(await renderExport(old.source, 'md'));
    expect(markdown).toContain('Nachträglich mit den heutigen Regeln geprüft');
    const freshMarkdown = new TextDecoder().decode(await renderExport(fresh.source, 'md'));
    expect(freshMarkdown).toContain('## Leitlinien-Check');
    expect(freshMarkdown).not.toContain('Nachträglich mit den heutigen Regeln geprüft');
  });

  it('refuses a version whose content does not match its SHA-256', async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    await insertVersion('v-bad', doc, '0'.repeat(64));
    expect(await loadExportSource(db, storage, planId, 'v-bad')).toEqual({
      ok: false,
      problem: 'integrity',
    });
  });

  it('refuses a version of another plan and an unknown version', async () => {
    const otherId = await createPlan(db, storage, ada, { title: 'Anderer', requestingUnit: '' });
    const other = new Y.Doc();
    Y.applyUpdate(other, (await storage.loadDocument(planDocumentName(otherId)))!);
    await insertVersion('v-other', other, undefined, planDocumentName(otherId));
    expect(await loadExportSource(db, storage, planId, 'v-other')).toEqual({
      ok: false,
      problem: 'version_not_found',
    });
    expect(await loadExportSource(db, storage, planId, 'nope')).toEqual({
      ok: false,
      problem: 'version_not_found',
    });
  });

  it('lists the open threads: now for the current plan, as they were for a version', async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    const plan = { id: planId, docName };
    const stakeholderId = planToJSON(doc).stakeholders[0]!.id;
    const anchor = JSON.stringify({ kind: 'element', part: 'stakeholder', id: stakeholderId });
    const open = await createThread(
      db,
      plan,
      { id: ada.id, role: 'facilitator' },
      { anchor, body: 'Wer vertritt den Rat?' },
    );
    const done = await createThread(
      db,
      plan,
      { id: ada.id, role: 'facilitator' },
      { anchor, body: 'Schon geklärt' },
    );
    if (typeof open === 'string' || typeof done === 'string') throw new Error('thread not created');
    await setThreadStatus(
      db,
      plan,
      { id: ada.id, role: 'facilitator' },
      {
        threadId: done.threadId,
        status: 'resolved',
      },
    );
    const reply = await replyToThread(db, plan, ada.id, {
      threadId: open.threadId,
      body: 'Der Vorsitz',
    });
    if (typeof reply === 'string') throw new Error(reply);
    await insertVersion('v1', doc);
    await recordOpenThreads(db, 'v1', planId);
    const { created_at } = await db
      .selectFrom('versions')
      .select('created_at')
      .where('id', '=', 'v1')
      .executeTakeFirstOrThrow();
    // After the version: the first comment edited, the reply deleted, a new reply, and the
    // thread is resolved. None of it may change what the version's export shows.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      await editComment(db, plan, ada.id, { commentId: open.commentId, body: 'Ganz anders' }),
    ).toEqual({ threadId: open.threadId });
    expect(await deleteComment(db, plan, ada.id, reply.commentId)).toEqual({
      threadId: open.threadId,
    });
    await replyToThread(db, plan, ada.id, { threadId: open.threadId, body: 'Später' });
    await setThreadStatus(
      db,
      plan,
      { id: ada.id, role: 'facilitator' },
      {
        threadId: open.threadId,
        status: 'resolved',
      },
    );

    const current = await loadExportSource(db, storage, planId);
    if (!current.ok) throw new Error(current.problem);
    expect(current.source.openThreads).toEqual([]);

    const version = await loadExportSource(db, storage, planId, 'v1');
    if (!version.ok) throw new Error(version.problem);
    expect(version.source.openThreads).toEqual([
      {
        anchorLabel: expect.stringContaining('Kiezrat'),
        status: 'open',
        comments: [
          { authorName: 'ada', body: 'Wer vertritt den Rat?', at: expect.any(String) },
          { authorName: 'ada', body: 'Der Vorsitz', at: expect.any(String) },
        ],
      },
    ]);
    expect(version.source.openThreads![0]!.comments[0]!.at <= created_at).toBe(true);
  });

  it("takes the current plan's status from its record, not from the document", async () => {
    await db.updateTable('plans').set({ status: 'in_review' }).where('id', '=', planId).execute();
    const result = await loadExportSource(db, storage, planId);
    if (!result.ok) throw new Error(result.problem);
    expect(result.source.plan.meta.status).toBe('in_review');
    // The JSON file stays the document's canonical JSON.
    expect(JSON.parse(result.source.canonicalJSON).meta.status).toBe('draft');
  });

  it('shows an approved version that a later approval superseded as superseded', async () => {
    const doc = await addStored(storage, docName, 'Kiezrat');
    for (const id of ['v-old', 'v-new']) {
      await insertVersion(id, doc);
      await db
        .insertInto('version_approvals')
        .values({
          version_id: id,
          user_id: ada.id,
          role: 'facilitator',
          decision: 'approved',
          reason: null,
        })
        .execute();
      await db.updateTable('versions').set({ status: 'approved' }).where('id', '=', id).execute();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const status = async (id: string) => {
      const result = await loadExportSource(db, storage, planId, id);
      if (!result.ok) throw new Error(result.problem);
      return result.source.version?.status;
    };
    expect(await status('v-old')).toBe('superseded');
    expect(await status('v-new')).toBe('approved');
  });

  it('says so when the plan has no stored document', async () => {
    expect(await loadExportSource(db, storage, 'missing')).toEqual({
      ok: false,
      problem: 'document_missing',
    });
  });
});
