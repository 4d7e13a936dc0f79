import {
  addFormat,
  addPhase,
  addStakeholder,
  getOverviewText,
  initPlan,
  listFormats,
  listPhases,
  listStakeholders,
  moveFormat,
  movePhase,
  planFromJSON,
  planToJSON,
  richTextToPlainText,
  toCanonicalJSON,
  updateStakeholder,
  writePlainParagraphs,
  type PhaseId,
} from '@prozesswerkstatt/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.dispose());

/** Seeds a plan the way the app will: written once, by one party, before anyone joins. */
async function seededClients(docName: string, count: number): Promise<TestClient[]> {
  const first = await connectClient(server.url, docName, { sub: 'facilitator' });
  initPlan(first.doc, { title: 'Beteiligung Radverkehrsplan', requestingUnit: 'SenUMVK IV' });
  const phase = addPhase(first.doc, { title: 'Auftaktphase' });
  addPhase(first.doc, { title: 'Dialogphase' });
  addFormat(first.doc, { phaseId: phase, title: 'Auftaktveranstaltung' });
  const rest = await Promise.all(
    Array.from({ length: count - 1 }, (_, i) =>
      connectClient(server.url, docName, { sub: `member-${i}` }),
    ),
  );
  const clients = [first, ...rest];
  await waitUntil(() => clients.every((c) => listPhases(c.doc).length === 2));
  return clients;
}

/** Concurrent edits through plan-model: everyone adds, edits, reorders and types at once. */
function editConcurrently(client: TestClient, i: number): void {
  const doc = client.doc;
  const [first, second] = listPhases(doc).map((p) => p.id) as [PhaseId, PhaseId];
  const stakeholder = addStakeholder(doc, {
    name: `Stakeholder ${i}`,
    group: i % 2 ? 'citizens' : 'administration',
    power: 1 + (i % 5),
    interest: 5 - (i % 5),
    participationLevel: 'involve',
  });
  updateStakeholder(doc, stakeholder, { contactRole: `Kontakt ${i}` });
  const format = addFormat(doc, {
    phaseId: i % 2 ? first : second,
    title: `Werkstatt ${i}`,
    targetStakeholderIds: [stakeholder],
  });
  if (i % 3 === 0) moveFormat(doc, format, { phaseId: second, index: 0 });
  if (i % 4 === 1) movePhase(doc, second, 0);
  const goals = getOverviewText(doc, 'goals');
  writePlainParagraphs(goals, [`Ziel von ${i}`]);
}

async function expectConverged(clients: TestClient[], stakeholders: number): Promise<string> {
  await waitUntil(
    () => {
      const first = toCanonicalJSON(clients[0]!.doc);
      return (
        listStakeholders(clients[0]!.doc).length === stakeholders &&
        clients.every((c) => toCanonicalJSON(c.doc) === first)
      );
    },
    { what: 'all canonical JSONs equal', timeoutMs: 15_000 },
  );
  return toCanonicalJSON(clients[0]!.doc);
}

describe.each([2, 10])('%i clients editing one plan at once', (count) => {
  it('converge to the same valid plan, also for a client joining afterwards', async () => {
    const docName = `plans/converge-${count}`;
    const clients = await seededClients(docName, count);
    clients.forEach((client, i) => editConcurrently(client, i));
    const canonical = await expectConverged(clients, count);

    const doc = clients[0]!.doc;
    expect(listFormats(doc)).toHaveLength(count + 1);
    const goals = richTextToPlainText(getOverviewText(doc, 'goals'));
    for (let i = 0; i < count; i++) expect(goals).toContain(`Ziel von ${i}`);
    // The merged plan is valid: it imports cleanly into a fresh document.
    expect(() => planFromJSON(new Y.Doc(), planToJSON(doc))).not.toThrow();

    const late = await connectClient(server.url, docName, { sub: 'late', role: 'viewer' });
    expect(toCanonicalJSON(late.doc)).toBe(canonical);
    for (const client of [...clients, late]) client.destroy();
  });
});
