/**
 * Restoring a version through the collab-server converges on every client, also with an edit
 * made at the same moment; compacting the update log never breaks a saved version.
 */
import {
  addPhase,
  addStakeholder,
  initPlan,
  listStakeholders,
  planToJSON,
  removeStakeholder,
  restorePlanJSON,
  toCanonicalJSON,
  updatePhase,
  listPhases,
  type PlanJSON,
} from '@prozesswerkstatt/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { postUpdate, snapshot } from '../helpers/internal-api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.dispose());

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** What the app does on restore: the version's content as one update on top of the current state. */
async function restore(name: string, version: PlanJSON): Promise<void> {
  const current = docOf(await snapshot(server.url, name));
  const before = Y.encodeStateVector(current);
  restorePlanJSON(current, version, 'app');
  await postUpdate(server.url, name, Y.encodeStateAsUpdate(current, before));
}

async function clientsOf(name: string, count: number): Promise<TestClient[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      connectClient(server.url, name, { sub: `member-${i}` }),
    ),
  );
}

describe('restore', () => {
  it('converges on all clients to the version', async () => {
    const name = 'plans/restore-converges';
    const clients = await clientsOf(name, 3);
    const [a, b, c] = clients as [TestClient, TestClient, TestClient];
    initPlan(a.doc, { title: 'Restore' });
    addStakeholder(a.doc, { name: 'Anwohnende' });
    addPhase(b.doc, { title: 'Auftakt' });
    await waitUntil(() =>
      clients.every((x) => listPhases(x.doc).length === 1 && listStakeholders(x.doc).length === 1),
    );
    const version = planToJSON(docOf(await snapshot(server.url, name)));

    removeStakeholder(a.doc, listStakeholders(a.doc)[0]!.id);
    updatePhase(b.doc, listPhases(b.doc)[0]!.id, { title: 'Start' });
    addStakeholder(c.doc, { name: 'Presse' });
    await waitUntil(() =>
      clients.every(
        (x) =>
          listStakeholders(x.doc)
            .map((s) => s.name)
            .join() === 'Presse',
      ),
    );

    await restore(name, version);
    const expected = toCanonicalJSON(docOf(await snapshot(server.url, name)));
    expect(JSON.parse(expected)).toEqual(version);
    await waitUntil(() => clients.every((x) => toCanonicalJSON(x.doc) === expected), {
      what: 'every client shows the restored version',
    });
    for (const client of clients) client.destroy();
  });

  it('merges with an edit made at the same moment, identically on every client', async () => {
    const name = 'plans/restore-concurrent';
    const clients = await clientsOf(name, 2);
    const [a, b] = clients as [TestClient, TestClient];
    initPlan(a.doc, { title: 'Gleichzeitig' });
    addStakeholder(a.doc, { name: 'Verwaltung' });
    await waitUntil(() => listStakeholders(b.doc).length === 1);
    const version = planToJSON(docOf(await snapshot(server.url, name)));
    addPhase(a.doc, { title: 'Wird zurückgenommen' });
    await waitUntil(() => listPhases(b.doc).length === 1);

    await Promise.all([
      restore(name, version),
      Promise.resolve(addStakeholder(b.doc, { name: 'Neu' })),
    ]);
    await waitUntil(
      () => toCanonicalJSON(a.doc) === toCanonicalJSON(b.doc) && listPhases(a.doc).length === 0,
    );
    const names = listStakeholders(a.doc).map((s) => s.name);
    expect(names).toContain('Verwaltung');
    // The concurrent addition survives or is removed, but both clients agree (CRDT merge).
    expect(toCanonicalJSON(docOf(await snapshot(server.url, name)))).toBe(toCanonicalJSON(a.doc));
    for (const client of clients) client.destroy();
  });

  it('a version survives compaction of the update log and still restores', async () => {
    const name = 'plans/restore-after-compaction';
    const [a] = (await clientsOf(name, 1)) as [TestClient];
    initPlan(a.doc, { title: 'Kompaktierung' });
    for (let i = 0; i < 30; i++) addStakeholder(a.doc, { name: `S${i}` });
    await waitUntil(
      async () => listStakeholders(docOf(await snapshot(server.url, name))).length === 30,
    );
    const saved = await snapshot(server.url, name);
    const savedJSON = toCanonicalJSON(docOf(saved));

    for (const s of listStakeholders(a.doc).slice(0, 20)) removeStakeholder(a.doc, s.id);
    await waitUntil(
      async () => listStakeholders(docOf(await snapshot(server.url, name))).length === 10,
    );
    const compacted = await server.storage.compact(name);
    expect(compacted.mergedEntries).toBeGreaterThan(1);
    expect(await server.storage.countUpdates(name)).toBe(1);

    // The stored version stands alone: its bytes still give the same plan.
    expect(toCanonicalJSON(docOf(saved))).toBe(savedJSON);
    await restore(name, JSON.parse(savedJSON) as PlanJSON);
    const late = await connectClient(server.url, name, { sub: 'late' });
    await waitUntil(
      () => toCanonicalJSON(late.doc) === savedJSON && toCanonicalJSON(a.doc) === savedJSON,
    );
    late.destroy();
    a.destroy();
  });
});
