import { initPlan, planFromJSON, planToJSON, toCanonicalJSON } from '@prozesswerkstatt/plan-model';
import { applyPlanOperation, planOperationArbitrary } from '@prozesswerkstatt/plan-model/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { delay, waitUntil } from '../helpers/wait.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.dispose());

const stepArbitrary = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('op' as const),
      replica: fc.nat(2),
      op: planOperationArbitrary,
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('toggle' as const), replica: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('pause' as const), ms: fc.integer({ min: 1, max: 20 }) }),
  },
);

let run = 0;

it('three clients applying random plan operations through the server converge to one valid plan', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArbitrary, { minLength: 10, maxLength: 60 }), async (steps) => {
      const docName = `plans/property-${run++}`;
      const clients: TestClient[] = [];
      try {
        const seed = await connectClient(server.url, docName, { sub: 'seed' });
        clients.push(seed);
        initPlan(seed.doc, { title: 'Property', createdAt: '2025-01-01T00:00:00.000Z' });
        for (const sub of ['a', 'b'])
          clients.push(await connectClient(server.url, docName, { sub }));
        for (const step of steps) {
          if (step.t === 'op') {
            applyPlanOperation(clients[step.replica]!.doc, step.op);
          } else if (step.t === 'toggle') {
            // Offline and back: edits made meanwhile must merge on reconnect.
            const { provider } = clients[step.replica]!;
            if (provider.shouldConnect) provider.disconnect();
            else provider.connect();
          } else {
            await delay(step.ms);
          }
        }
        for (const { provider } of clients) if (!provider.shouldConnect) provider.connect();
        await waitUntil(
          () => {
            const first = toCanonicalJSON(clients[0]!.doc);
            return clients.every((c) => c.provider.synced && toCanonicalJSON(c.doc) === first);
          },
          { what: 'convergence', timeoutMs: 15_000 },
        );
        const canonical = toCanonicalJSON(clients[0]!.doc);
        const imported = new Y.Doc();
        planFromJSON(imported, planToJSON(clients[0]!.doc));
        expect(toCanonicalJSON(imported)).toBe(canonical);
        const late = await connectClient(server.url, docName, { sub: 'late', role: 'viewer' });
        clients.push(late);
        expect(toCanonicalJSON(late.doc)).toBe(canonical);
      } finally {
        for (const client of clients) client.destroy();
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);
