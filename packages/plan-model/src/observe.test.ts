import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observePlan, type PlanChange } from './observe.js';
import { getOverviewText } from './overview.js';
import { addFormat } from './records/format.js';
import { initPlan } from './records/meta.js';
import { addPhase } from './records/phase.js';
import { addStakeholder, getStakeholder } from './records/stakeholder.js';
import { writePlainParagraphs } from './richtext/plain.js';

describe('observePlan', () => {
  it('reports changed parts and origin once per transaction, until unsubscribed', () => {
    const doc = new Y.Doc();
    initPlan(doc, { title: 'T' });
    const changes: PlanChange[] = [];
    const stop = observePlan(doc, (change) => changes.push(change));

    const phase = addPhase(doc, { title: 'P' }, 'ui');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ origin: 'ui', local: true, parts: new Set(['phases']) });

    doc.transact(() => {
      addFormat(doc, { phaseId: phase, title: 'F' });
      writePlainParagraphs(getOverviewText(doc, 'goals'), ['x']);
    }, 'batch');
    expect(changes).toHaveLength(2);
    expect(changes[1]?.parts).toEqual(new Set(['formats', 'overview']));
    expect(changes[1]?.overviewFields).toEqual(new Set(['goals']));

    const id = addStakeholder(doc, { name: 'S' });
    writePlainParagraphs(getStakeholder(doc, id)!.notes, ['deep change']);
    expect(changes.at(-1)?.parts).toEqual(new Set(['stakeholders']));

    const remote = new Y.Doc();
    addPhase(remote, { title: 'remote' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'provider');
    expect(changes.at(-1)).toMatchObject({ origin: 'provider', local: false });

    const count = changes.length;
    stop();
    addPhase(doc, { title: 'unobserved' });
    expect(changes).toHaveLength(count);
  });
});
