/**
 * The app's version workflow (app/src/lib/server/versions) against a real collab-server, on
 * SQLite and PostgreSQL through the same interface: save from the authoritative state, submit,
 * approve by both sides, status live on the clients, approved versions refused by the database,
 * a later approval supersedes an earlier one, tampered versions fail the integrity check.
 */
import {
  addStakeholder,
  getMeta,
  initPlan,
  toCanonicalJSON,
  updateMeta,
} from '@prozesswerkstatt/plan-model';
import * as Y from 'yjs';
import {
  approveVersion,
  bindingVersionId,
  checkIntegrity,
  displayedStatus,
  getVersionRow,
  listDecisions,
  mirrorPlanStatus,
  rejectVersion,
  renameVersion,
  restoreVersion,
  saveVersion,
  submitVersion,
} from '@prozesswerkstatt/app/server-testing';
import {
  createLogger,
  startCollabServer,
  type RunningCollabServer,
} from '@prozesswerkstatt/collab-server';
import { isApprovedVersionImmutableError } from '@prozesswerkstatt/storage';
import {
  describePostgres,
  openPostgresSchemaDatabase,
  openSqliteSchemaDatabase,
  type SqlTestDatabase,
} from '@prozesswerkstatt/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBarrier } from '../helpers/barrier.js';
import { connectClient, type TestClient } from '../helpers/client.js';
import { testSecret } from '../helpers/tokens.js';
import { waitUntil } from '../helpers/wait.js';

function workflowTests(open: () => Promise<SqlTestDatabase>): void {
  let setup: SqlTestDatabase;
  let server: RunningCollabServer;
  let client: TestClient;
  const planId = `p${Date.now().toString(36)}`;
  const docName = `plans/${planId}`;

  beforeAll(async () => {
    setup = await open();
    server = await startCollabServer({
      storage: setup.storage,
      authSecret: testSecret,
      logger: createLogger('silent'),
      host: '127.0.0.1',
      port: 0,
    });
    process.env.COLLAB_AUTH_SECRET = testSecret;
    process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, 'http');
    // The plan's listing row: the authority for its status, which the document mirrors.
    await setup.storage.db
      .insertInto('users')
      .values({
        id: 'facilitator',
        email: `f-${planId}@example.org`,
        name: 'F',
        password_hash: 'x',
      })
      .execute();
    await setup.storage.db
      .insertInto('plans')
      .values({ id: planId, doc_name: docName, title: 'Freigabe', facilitator_id: 'facilitator' })
      .execute();
    client = await connectClient(server.url, docName, { sub: 'editor' });
    initPlan(client.doc, { title: 'Freigabe' });
    addStakeholder(client.doc, { name: 'Anwohnende' });
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
    await setup.teardown();
  });

  const db = () => setup.storage.db;

  it('saves the authoritative state, including an edit sent just before', async () => {
    const received = server.metrics.traffic.messagesIn;
    addStakeholder(client.doc, { name: 'Gerade eben' });
    await waitUntil(() => server.metrics.traffic.messagesIn > received, { intervalMs: 1 });
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'März',
      note: '',
      authorId: 'facilitator',
    });
    expect(version.canonical_json).toBe(toCanonicalJSON(client.doc));
    expect(checkIntegrity(version)).toBe('ok');
  });

  it('records which comment threads were open when the version was saved', async () => {
    const thread = (id: string, status: 'open' | 'resolved') => ({
      id,
      doc_name: docName,
      anchor: '{"kind":"element","part":"overview","id":"goals"}',
      status,
      created_by: 'editor',
    });
    await db()
      .insertInto('comment_threads')
      .values([thread(`${planId}-open`, 'open'), thread(`${planId}-done`, 'resolved')])
      .execute();
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Mit Fragen',
      note: '',
      authorId: 'facilitator',
    });
    const recorded = await db()
      .selectFrom('version_open_threads')
      .select('thread_id')
      .where('version_id', '=', version.id)
      .execute();
    expect(recorded).toEqual([{ thread_id: `${planId}-open` }]);
    await db().deleteFrom('comment_threads').where('doc_name', '=', docName).execute();
  });

  it('submits, approves by both sides, and shows the status live', async () => {
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'April',
      note: 'zur Freigabe',
      authorId: 'facilitator',
    });
    expect(await submitVersion(db(), planId, version.id, 'facilitator')).toEqual({ ok: true });
    await waitUntil(() => getMeta(client.doc).status === 'in_review');
    expect(await approveVersion(db(), planId, version.id, 'facilitator', 'facilitator')).toEqual({
      ok: true,
      approved: false,
    });
    // The same side, or the same person, cannot sign twice.
    expect(await approveVersion(db(), planId, version.id, 'other-fac', 'facilitator')).toEqual({
      ok: false,
      refusal: 'already_decided',
    });
    expect(await approveVersion(db(), planId, version.id, 'editor', 'requesting_unit')).toEqual({
      ok: true,
      approved: true,
    });
    await waitUntil(() => getMeta(client.doc).status === 'approved');
    const row = (await getVersionRow(db(), planId, version.id))!;
    expect(row.status).toBe('approved');
    expect(row.submitted_by).toBe('facilitator');

    // Immutable in the database, whatever the app tries.
    await expect(
      renameVersion(db(), planId, version.id, { label: 'x', note: '' }),
    ).rejects.toSatisfy(isApprovedVersionImmutableError);
    await expect(
      db().deleteFrom('versions').where('id', '=', version.id).execute(),
    ).rejects.toSatisfy(isApprovedVersionImmutableError);
    await expect(
      db().deleteFrom('version_approvals').where('version_id', '=', version.id).execute(),
    ).rejects.toSatisfy(isApprovedVersionImmutableError);
    expect(await submitVersion(db(), planId, version.id, 'facilitator')).toMatchObject({
      refusal: 'approved_immutable',
    });
    expect(
      await rejectVersion(db(), planId, version.id, 'editor', 'requesting_unit', 'nein'),
    ).toMatchObject({ refusal: 'approved_immutable' });

    // A later approval supersedes this one (derived; the row is never touched).
    const later = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Mai',
      note: '',
      authorId: 'facilitator',
    });
    await submitVersion(db(), planId, later.id, 'facilitator');
    await approveVersion(db(), planId, later.id, 'editor', 'requesting_unit');
    await approveVersion(db(), planId, later.id, 'facilitator', 'facilitator');
    const decisions = await listDecisions(db(), planId);
    const binding = bindingVersionId(decisions, new Set([version.id, later.id]));
    expect(binding).toBe(later.id);
    expect(displayedStatus({ id: version.id, status: 'approved' }, binding)).toBe('superseded');
    expect(checkIntegrity((await getVersionRow(db(), planId, version.id))!)).toBe('ok');
  });

  it('an approval stands when the collab-server is away; the status is mirrored later', async () => {
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Mai',
      note: '',
      authorId: 'facilitator',
    });
    await submitVersion(db(), planId, version.id, 'facilitator');
    await waitUntil(() => getMeta(client.doc).status === 'in_review');
    await approveVersion(db(), planId, version.id, 'facilitator', 'facilitator');
    const reachable = process.env.COLLAB_INTERNAL_URL;
    process.env.COLLAB_INTERNAL_URL = 'http://127.0.0.1:9';
    try {
      expect(await approveVersion(db(), planId, version.id, 'editor', 'requesting_unit')).toEqual({
        ok: true,
        approved: true,
      });
    } finally {
      process.env.COLLAB_INTERNAL_URL = reachable;
    }
    const row = await db().selectFrom('plans').select('status').where('id', '=', planId).execute();
    expect(row).toEqual([{ status: 'approved' }]);
    expect(getMeta(client.doc).status).toBe('in_review');
    expect(await mirrorPlanStatus(db(), planId, 'facilitator')).toBe(true);
    await waitUntil(() => getMeta(client.doc).status === 'approved');
  });

  it("the app's own writes (status changes) are not logged as someone's edits", async () => {
    // Every test above changed the status through the collab-server as 'facilitator'. A later
    // edit by someone else is logged after whatever those writes logged: once it is in, look.
    const marker = await writeBarrier(server.url, docName, { storage: setup.storage });
    const editors = async () =>
      (
        await db()
          .selectFrom('plan_activity')
          .select('user_id')
          .where('doc_name', '=', docName)
          .where('kind', '=', 'edited')
          .execute()
      ).map((row) => row.user_id);
    await waitUntil(async () => (await editors()).includes(marker), { what: 'the marker edit' });
    const edits = (await editors()).filter((user) => user !== marker);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((user) => user === 'editor')).toBe(true);
  });

  it('a status a client writes itself is not taken: the mirror restores the record', async () => {
    updateMeta(client.doc, { status: 'closed' });
    await waitUntil(async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await setup.storage.loadDocument(docName))!);
      return getMeta(doc).status === 'closed';
    });
    const [row] = await db()
      .selectFrom('plans')
      .select('status')
      .where('id', '=', planId)
      .execute();
    expect(row!.status).not.toBe('closed');
    await mirrorPlanStatus(db(), planId, 'facilitator');
    await waitUntil(() => getMeta(client.doc).status === row!.status);
  });

  it('two sides approving at the same moment approve the version exactly once', async () => {
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Gleichzeitig',
      note: '',
      authorId: 'facilitator',
    });
    await submitVersion(db(), planId, version.id, 'facilitator');
    const results = await Promise.all([
      approveVersion(db(), planId, version.id, 'facilitator', 'facilitator'),
      approveVersion(db(), planId, version.id, 'editor', 'requesting_unit'),
    ]);
    expect(results.filter((r) => r.ok && r.approved)).toHaveLength(1);
    expect((await getVersionRow(db(), planId, version.id))!.status).toBe('approved');
    await waitUntil(() => getMeta(client.doc).status === 'approved');
  });

  it('rejects with a reason only, and the plan is a draft again', async () => {
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Juni',
      note: '',
      authorId: 'facilitator',
    });
    await submitVersion(db(), planId, version.id, 'facilitator');
    await waitUntil(() => getMeta(client.doc).status === 'in_review');
    expect(
      await rejectVersion(db(), planId, version.id, 'editor', 'requesting_unit', '  '),
    ).toMatchObject({ refusal: 'reason_required' });
    expect(
      await rejectVersion(db(), planId, version.id, 'editor', 'requesting_unit', 'Zu früh'),
    ).toEqual({ ok: true });
    await waitUntil(() => getMeta(client.doc).status === 'draft');
    const decisions = (await listDecisions(db(), planId)).filter((d) => d.versionId === version.id);
    expect(decisions).toMatchObject([{ decision: 'rejected', reason: 'Zu früh' }]);
  });

  it('refuses to restore a tampered version and reports the integrity error', async () => {
    const version = await saveVersion(db(), planId, {
      kind: 'named',
      label: 'Manipuliert',
      note: '',
      authorId: 'facilitator',
    });
    await db()
      .updateTable('versions')
      .set({ canonical_json: version.canonical_json.replace('Anwohnende', 'Niemand') })
      .where('id', '=', version.id)
      .execute();
    const tampered = (await getVersionRow(db(), planId, version.id))!;
    expect(checkIntegrity(tampered)).toBe('hash_mismatch');
    expect(await restoreVersion(db(), planId, version.id, 'editor')).toEqual({
      ok: false,
      refusal: 'integrity',
    });
  });
}

describe('version workflow (sqlite)', () => {
  workflowTests(() => openSqliteSchemaDatabase('pw-workflow-'));
});

await describePostgres('version workflow (postgres)', () => {
  workflowTests(() => openPostgresSchemaDatabase('workflow_test'));
});
