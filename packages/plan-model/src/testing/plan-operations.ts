/**
 * Random plan operations for property tests, shared by this package's replica test and the
 * cross-package tests that run the same operations through the collab-server.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { getOverviewText } from '../overview.js';
import {
  addFormat,
  listFormats,
  moveFormat,
  removeFormat,
  updateFormat,
} from '../records/format.js';
import { addPhase, listPhases, movePhase, removePhase, updatePhase } from '../records/phase.js';
import { addResult } from '../records/result.js';
import {
  addStakeholder,
  listStakeholders,
  moveStakeholder,
  removeStakeholder,
  updateStakeholder,
} from '../records/stakeholder.js';
import { writePlainParagraphs } from '../richtext/plain.js';

const pick = fc.nat(50);
const word = fc.string({ maxLength: 6 });

/** Any one plan operation, with `pick` numbers choosing among the records that exist then. */
export const planOperationArbitrary = fc.oneof(
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
/** One generated plan operation. */
export type PlanOperation = typeof planOperationArbitrary extends fc.Arbitrary<infer T> ? T : never;

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

/**
 * Applies a generated operation through the public API; an operation whose target does not exist
 * (any more) is a no-op, as a click on a record someone just removed would be.
 */
export function applyPlanOperation(doc: Y.Doc, op: PlanOperation): void {
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
