/**
 * Convergence under concurrency: three replicas apply random plan operations and exchange their
 * updates in random order and at random times. After every update has been delivered, all three
 * must serialise to the same canonical JSON, and that JSON must be a valid, importable plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planFromJSON } from './json/import.js';
import { planToJSON, toCanonicalJSON } from './json/export.js';
import { planJSONSchema } from './json/schema.js';
import { CURRENT_SCHEMA_VERSION, getMeta, initPlan } from './records/meta.js';
import { addPhase, listPhases } from './records/phase.js';
import { applyPlanOperation, planOperationArbitrary } from './testing/plan-operations.js';

const pick = fc.nat(50);

const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('op' as const),
      replica: fc.nat(2),
      op: planOperationArbitrary,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('deliver' as const), replica: fc.nat(2), pick }),
  },
);

describe('three replicas converge', () => {
  it('to equal, valid canonical JSON after random concurrent edits', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 20, maxLength: 120 }), (steps) => {
        const origin = new Y.Doc();
        initPlan(origin, { title: 'Shared', createdAt: '2025-01-01T00:00:00.000Z' });
        const replicas = [0, 1, 2].map(() => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
          return doc;
        });
        const inboxes: Uint8Array[][] = [[], [], []];
        replicas.forEach((doc, i) =>
          doc.on('update', (update: Uint8Array, from: unknown) => {
            if (from === 'remote') return;
            inboxes.forEach((inbox, j) => j !== i && inbox.push(update));
          }),
        );
        const deliver = (replica: number, index: number): void => {
          const inbox = inboxes[replica]!;
          const [update] = inbox.splice(index % inbox.length, 1);
          if (update) Y.applyUpdate(replicas[replica]!, update, 'remote');
        };
        for (const step of steps) {
          if (step.t === 'op') applyPlanOperation(replicas[step.replica]!, step.op);
          else if (inboxes[step.replica]!.length > 0) deliver(step.replica, step.pick);
        }
        inboxes.forEach((inbox, replica) => {
          while (inbox.length > 0) deliver(replica, inbox.length - 1);
        });

        const canonical = replicas.map(toCanonicalJSON);
        expect(canonical[1]).toBe(canonical[0]);
        expect(canonical[2]).toBe(canonical[0]);
        const json = planToJSON(replicas[0]!);
        expect(planJSONSchema.safeParse(json).success).toBe(true);
        const reimported = new Y.Doc();
        planFromJSON(reimported, json);
        expect(toCanonicalJSON(reimported)).toBe(canonical[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('to one meta when two replicas initialise the same plan concurrently', () => {
    for (let run = 0; run < 20; run++) {
      const a = new Y.Doc();
      const b = new Y.Doc();
      initPlan(a, { title: 'A', facilitator: 'fa', createdAt: '2025-01-01T00:00:00.000Z' });
      initPlan(b, { title: 'B', requestingUnit: 'ub', createdAt: '2025-02-02T00:00:00.000Z' });
      addPhase(a, { title: 'from A' });
      addPhase(b, { title: 'from B' });
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const meta = getMeta(a);
      expect(getMeta(b)).toEqual(meta);
      const expected =
        meta.title === 'A'
          ? {
              title: 'A',
              facilitator: 'fa',
              requestingUnit: '',
              createdAt: '2025-01-01T00:00:00.000Z',
            }
          : {
              title: 'B',
              facilitator: '',
              requestingUnit: 'ub',
              createdAt: '2025-02-02T00:00:00.000Z',
            };
      expect(meta).toMatchObject({ ...expected, schemaVersion: CURRENT_SCHEMA_VERSION });
      expect(
        listPhases(a)
          .map((p) => p.title)
          .sort(),
      ).toEqual(['from A', 'from B']);
      expect(toCanonicalJSON(a)).toBe(toCanonicalJSON(b));
    }
  });
});
