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
import { getOverviewText } from './overview.js';
import {
  addFormat,
  listFormats,
  moveFormat,
  removeFormat,
  updateFormat,
} from './records/format.js';
import { getMeta, initPlan } from './records/meta.js';
import { addPhase, listPhases, movePhase, removePhase, updatePhase } from './records/phase.js';
import { addResult } from './records/result.js';
import {
  addStakeholder,
  listStakeholders,
  moveStakeholder,
  removeStakeholder,
  updateStakeholder,
} from './records/stakeholder.js';
import { writePlainParagraphs } from './richtext/plain.js';

const pick = fc.nat(50);
const word = fc.string({ maxLength: 6 });

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('addStakeholder'), name: word }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('updateStakeholder'),
      pick,
      power: fc.integer({ min: 1, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('removeStakeholder'), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('moveStakeholder'), pick, to: pick }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('addPhase'), title: word }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('updatePhase'), pick, title: word }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('removePhase'), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('movePhase'), pick, to: pick }) },
  {
    weight: 5,
    arbitrary: fc.record({ k: fc.constant('addFormat'), phase: pick, title: word, target: pick }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('updateFormat'),
      pick,
      title: word,
      targets: fc.array(pick, { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('removeFormat'), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('moveFormat'), pick, phase: pick, to: pick }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('addResult'), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('richText'),
      field: fc.constantFrom('overview', 'stakeholder', 'phase', 'format'),
      pick,
      text: word,
    }),
  },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('op' as const), replica: fc.nat(2), op: opArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('deliver' as const), replica: fc.nat(2), pick }),
  },
);

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Appends text to the last paragraph (or creates one), as typing at the end would. */
function typeInto(xmlText: Y.XmlText, text: string): void {
  const last = xmlText.toDelta().at(-1) as { insert: unknown } | undefined;
  const paragraph = last?.insert;
  const tail = paragraph instanceof Y.XmlText ? paragraph.toDelta().at(-1) : undefined;
  if (paragraph instanceof Y.XmlText && typeof tail?.insert === 'string') {
    paragraph.insert(paragraph.length, text, {});
  } else {
    writePlainParagraphs(xmlText, [text || 'x']);
  }
}

function apply(doc: Y.Doc, op: Op): void {
  const stakeholders = listStakeholders(doc);
  const phases = listPhases(doc);
  const formats = listFormats(doc);
  switch (op.k) {
    case 'addStakeholder':
      return void addStakeholder(doc, { name: op.name });
    case 'updateStakeholder': {
      const s = at(stakeholders, op.pick);
      return void (s && updateStakeholder(doc, s.id, { power: op.power }));
    }
    case 'removeStakeholder': {
      const s = at(stakeholders, op.pick);
      return void (s && removeStakeholder(doc, s.id));
    }
    case 'moveStakeholder': {
      const s = at(stakeholders, op.pick);
      return void (s && moveStakeholder(doc, s.id, op.to % (stakeholders.length + 1)));
    }
    case 'addPhase':
      return void addPhase(doc, { title: op.title });
    case 'updatePhase': {
      const p = at(phases, op.pick);
      return void (p && updatePhase(doc, p.id, { title: op.title }));
    }
    case 'removePhase': {
      const p = at(phases, op.pick);
      return void (p && removePhase(doc, p.id));
    }
    case 'movePhase': {
      const p = at(phases, op.pick);
      return void (p && movePhase(doc, p.id, op.to % (phases.length + 1)));
    }
    case 'addFormat': {
      const p = at(phases, op.phase);
      const s = at(stakeholders, op.target);
      const targetStakeholderIds = s ? [s.id] : [];
      return void (p && addFormat(doc, { phaseId: p.id, title: op.title, targetStakeholderIds }));
    }
    case 'updateFormat': {
      const f = at(formats, op.pick);
      const targets = op.targets.flatMap((t) => at(stakeholders, t)?.id ?? []);
      return void (
        f && updateFormat(doc, f.id, { title: op.title, targetStakeholderIds: targets })
      );
    }
    case 'removeFormat': {
      const f = at(formats, op.pick);
      return void (f && removeFormat(doc, f.id));
    }
    case 'moveFormat': {
      const f = at(formats, op.pick);
      const p = at(phases, op.phase);
      return void (f && p && moveFormat(doc, f.id, { phaseId: p.id, index: op.to % 4 }));
    }
    case 'addResult': {
      const subject = at([...phases, ...formats], op.pick);
      return void (subject && addResult(doc, { subjectId: subject.id }));
    }
    case 'richText': {
      const target =
        op.field === 'overview'
          ? getOverviewText(doc, 'goals')
          : op.field === 'stakeholder'
            ? at(stakeholders, op.pick)?.notes
            : op.field === 'phase'
              ? at(phases, op.pick)?.goal
              : at(formats, op.pick)?.description;
      return void (target && typeInto(target, op.text));
    }
  }
}

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
          if (step.t === 'op') apply(replicas[step.replica]!, step.op);
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
      expect(meta).toMatchObject({ ...expected, schemaVersion: 2 });
      expect(
        listPhases(a)
          .map((p) => p.title)
          .sort(),
      ).toEqual(['from A', 'from B']);
      expect(toCanonicalJSON(a)).toBe(toCanonicalJSON(b));
    }
  });
});
